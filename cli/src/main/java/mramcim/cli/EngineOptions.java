package mramcim.cli;

import mramcim.cosim.lockstep.Engine;
import mramcim.verification.regression.CosimRun;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --engine}: how the RTL side of a lockstep runs (docs/architecture.md, "Batched
 * lockstep"). Every engine reports the same verdict and first divergence; {@code cycle} is the
 * reference, {@code batched} the default, {@code pipelined} uses a second core for one seed.
 */
final class EngineOptions {

    @Option(
            names = "--engine",
            converter = EngineConverter.class,
            description = "lockstep engine: cycle (one native call per cycle, the reference), batched (the model runs"
                    + " ahead, the RTL checks a batch of cycles per native call) or pipelined (batched, the RTL on a second"
                    + " thread); all report the same (default ${DEFAULT-VALUE})")
    Engine engine = CosimRun.DEFAULT_ENGINE;

    /** Picocli converter: an engine by its identifier, or the error naming the allowed ones (exit 2). */
    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String s) {
            try {
                return Engine.of(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
