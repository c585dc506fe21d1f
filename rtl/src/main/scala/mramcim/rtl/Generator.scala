package mramcim.rtl

import java.nio.charset.StandardCharsets
import java.nio.file.{Files, Path, Paths}

/** Elaborates a top module for one size and emits its SystemVerilog through firtool.
  *
  * Java callers use the static forwarders (`Generator.emit(...)`); Maven runs `main --defaults DIR`
  * during the build to write the default sizes into the build directory.
  */
object Generator {

  /** The tops that can be generated, by module name: the macro and each of its blocks alone (the
    * block-level test suites drive a block as a top through the same Verilator harness).
    */
  val Tops: Seq[String] = Seq(
    "MramCimMacro",
    "TdcBank",
    "HostInterface",
    "Controller",
    "WriteVerifySequencer",
    "InputRegister",
    "Converter",
    "OffsetCorrector",
    "RegisterFile"
  )

  /** [[Tops]] for Java callers. */
  def topList: java.util.List[String] = {
    import scala.jdk.CollectionConverters._
    Tops.asJava
  }

  /** Tops whose libraries the Maven build prepares for the default sizes. */
  val BuildTops: Seq[String] = Seq("MramCimMacro", "TdcBank")

  /** Sizes written by the Maven build: the small test size and the 64x64 default. */
  val DefaultSizes: Seq[MacroParams] = Seq(MacroParams(8, 8), MacroParams(64, 64))

  /** firtool options: deterministic output (no randomised initial values), no source locators, and
    * plain Verilog constructs that lint cleanly under `verilator -Wall` and read into yosys.
    */
  private val FirtoolOpts: Array[String] = Array(
    "-disable-all-randomization",
    "-strip-debug-info",
    "--lowering-options=disallowLocalVariables,disallowPackedArrays,locationInfoStyle=none"
  )

  /** The netlist of a top is one file holding every module of its hierarchy, so one file is all a
    * simulator, a linter or an ECO flow needs. Verilator's DECLFILENAME rule (file named after
    * its module) cannot hold for such a file and is the only rule waived; -Wall stays on otherwise.
    */
  private val FileHeader: String =
    "// mramcim-rtl: one file holds the whole hierarchy of the top (docs/rtl.md); regenerate with `mramcim rtl`.\n" +
      "/* verilator lint_off DECLFILENAME */\n"

  /** Builds the Chisel module of a top for the given parameters. */
  def module(top: String, p: MacroParams): chisel3.RawModule = top match {
    case "MramCimMacro" => new MramCimMacro(p)
    case "TdcBank" => new TdcBank(p)
    case "HostInterface" => new HostInterface
    case "Controller" => new Controller(p)
    case "WriteVerifySequencer" => new WriteVerifySequencer(p)
    case "InputRegister" => new InputRegister(p)
    case "Converter" => new Converter(p)
    case "OffsetCorrector" => new OffsetCorrector(p)
    case "RegisterFile" => new RegisterFile(p)
    case other =>
      throw new IllegalArgumentException(s"top = $other is unknown: allowed ${Tops.mkString(", ")}")
  }

  /** Returns the SystemVerilog of `top` at the given size. Failures of firtool are reported as an
    * [[ElaborationException]] naming the top, the size and the likely fix.
    */
  def emit(top: String, rows: Int, cols: Int): String = {
    val p = MacroParams(rows, cols)
    if (!Tops.contains(top))
      throw new IllegalArgumentException(s"top = $top is unknown: allowed ${Tops.mkString(", ")}")
    try {
      FileHeader + _root_.circt.stage.ChiselStage.emitSystemVerilog(module(top, p), Array.empty[String], FirtoolOpts)
    } catch {
      case e: ElaborationException => throw e
      case e: Exception =>
        throw new ElaborationException(
          s"elaborating $top ${p.sizeName} failed in Chisel/firtool: ${e.getMessage}. " +
            "firtool 1.62.1 comes from Maven Central (org.chipsalliance:llvm-firtool) on first use; " +
            "check that Maven Central is reachable, or point CHISEL_FIRTOOL_PATH at a firtool 1.62.1 binary.",
          e
        )
    }
  }

  /** Writes `top`'s SystemVerilog to `dir/top.sv` and returns the file. */
  def emitTo(top: String, rows: Int, cols: Int, dir: Path): Path = {
    Files.createDirectories(dir)
    val file = dir.resolve(s"$top.sv")
    Files.write(file, emit(top, rows, cols).getBytes(StandardCharsets.UTF_8))
    file
  }

  /** Directory of one generated configuration under a root: `root/<top>_<rows>x<cols>`. */
  def configDir(root: Path, top: String, rows: Int, cols: Int): Path = root.resolve(s"${top}_${rows}x$cols")

  def main(args: Array[String]): Unit = args.toList match {
    case "--defaults" :: root :: Nil =>
      for (top <- BuildTops; p <- DefaultSizes) {
        val f = emitTo(top, p.rows, p.cols, configDir(Paths.get(root), top, p.rows, p.cols))
        println(s"[mramcim-rtl] wrote $f")
      }
    case _ =>
      System.err.println("usage: Generator --defaults DIR   (the CLI `mramcim rtl` emits other sizes)")
      sys.exit(2)
  }
}

/** Elaboration or firtool failure, with a message that names the cause and the fix. */
final class ElaborationException(message: String, cause: Throwable) extends RuntimeException(message, cause)
