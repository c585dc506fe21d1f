package mramcim.rtl

import mramcim.spec.{Register, Sizes}

/** Elaboration parameters of the digital periphery. Every width in the RTL is derived from these
  * and from the `spec` module; none is typed twice.
  *
  * @param rows bit cells per column (inputs), SPEC section 1: Sizes.MIN..Sizes.MAX
  * @param cols columns (outputs), SPEC section 1: Sizes.MIN..Sizes.MAX
  */
final case class MacroParams(rows: Int, cols: Int) {
  MacroParams.checkSize("rows", rows)
  MacroParams.checkSize("cols", cols)

  /** Largest value the FRAME_CYCLES register accepts (the spec's `Register.FRAME_CYCLES`). */
  val maxFrameCycles: Int = Register.FRAME_CYCLES.max()

  /** Width of one TDC counter: it must hold every count up to maxFrameCycles. */
  val codeWidth: Int = Sizes.codeWidth()

  /** The saturation value of a TDC counter, reported for a column that never fired. */
  val codeMax: Int = Sizes.codeMax()

  /** Width of `acc_row`: a row index. */
  val rowBits: Int = Sizes.indexBits(rows)

  /** Width of `acc_col`: a column index. */
  val colBits: Int = Sizes.indexBits(cols)

  /** Number of 64-bit input words (LOAD_INPUT addresses). */
  val inputWords: Int = Sizes.inputWords(rows)

  /** Directory-friendly name of the configuration, for example "64x64". */
  def sizeName: String = s"${rows}x$cols"
}

object MacroParams {
  private def checkSize(name: String, value: Int): Unit =
    if (!Sizes.allowed(value))
      throw new IllegalArgumentException(s"$name = $value is out of range: allowed ${Sizes.MIN}..${Sizes.MAX}")
}
