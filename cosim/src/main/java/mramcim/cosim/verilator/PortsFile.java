package mramcim.cosim.verilator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A port list as cached on disk ({@value NativeBuilder#PORTS_FORMAT}), so that Verilator elaborates
 * a netlist's ports once per content, not once per run.
 */
record PortsFile(String format, String top, List<String> wrapperPorts, List<Port> ports) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static PortList read(Path file) {
        try {
            PortsFile f = JSON.readValue(file.toFile(), PortsFile.class);
            if (!NativeBuilder.PORTS_FORMAT.equals(f.format())
                    || f.top() == null
                    || f.ports() == null
                    || f.wrapperPorts() == null) {
                throw new IllegalStateException(
                        "not a port list of format " + NativeBuilder.PORTS_FORMAT + ": " + file);
            }
            return PortList.of(f.top(), f.ports(), f.wrapperPorts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, PortList ports) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(
                file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        JSON.writeValue(
                tmp.toFile(),
                new PortsFile(NativeBuilder.PORTS_FORMAT, ports.top(), ports.wrapperPorts(), ports.declared()));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
