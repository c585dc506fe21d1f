package mramcim.rtl

import chisel3.util.log2Ceil

/** Elaboration parameters of the digital periphery. Every width in the RTL is derived from these;
  * none is typed twice.
  *
  * @param rows           bit cells per column (inputs), SPEC section 1: 4..128
  * @param cols           columns (outputs), SPEC section 1: 4..128
  * @param maxFrameCycles largest value the FRAME_CYCLES register accepts. Assumed 4095: the default
  *                       frame is 180 cycles (SPEC section 3), and 4095 leaves room for a TDC clock
  *                       up to about 20x finer, which the "fine TDC" checks of the ideal preset use.
  */
final case class MacroParams(rows: Int, cols: Int, maxFrameCycles: Int = MacroParams.DefaultMaxFrameCycles) {
  MacroParams.checkRange("rows", rows, MacroParams.MinSize, MacroParams.MaxSize)
  MacroParams.checkRange("cols", cols, MacroParams.MinSize, MacroParams.MaxSize)
  MacroParams.checkRange("maxFrameCycles", maxFrameCycles, 1, 65535)

  /** Width of one TDC counter: it must hold every count up to maxFrameCycles. */
  val codeWidth: Int = log2Ceil(maxFrameCycles + 1)

  /** The saturation value of a TDC counter, reported for a column that never fired. */
  val codeMax: Int = (1 << codeWidth) - 1

  /** Width of `acc_row`: a row index. */
  val rowBits: Int = math.max(1, log2Ceil(rows))

  /** Width of `acc_col`: a column index. */
  val colBits: Int = math.max(1, log2Ceil(cols))

  /** Number of 64-bit input words (LOAD_INPUT addresses). */
  val inputWords: Int = (rows + 63) / 64

  /** Directory-friendly name of the configuration, for example "64x64". */
  def sizeName: String = s"${rows}x$cols"
}

object MacroParams {
  val MinSize = 4
  val MaxSize = 128
  val DefaultMaxFrameCycles = 4095

  private def checkRange(name: String, value: Int, lo: Int, hi: Int): Unit =
    if (value < lo || value > hi)
      throw new IllegalArgumentException(s"$name = $value is out of range: allowed $lo..$hi")
}
