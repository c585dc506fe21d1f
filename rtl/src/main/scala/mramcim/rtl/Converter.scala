package mramcim.rtl

import chisel3._

/** Code-to-dot-product converter (SPEC section 5):
  * `DP_raw = ROWS - round((code - C0) * GAIN / 256)`, GAIN unsigned Q8.8, rounding half away from
  * zero, all in integer arithmetic wide enough never to overflow.
  */
class Converter(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val code = Input(UInt(p.codeWidth.W))
    val c0 = Input(UInt(16.W))
    val gain = Input(UInt(16.W))
    val dpRaw = Output(SInt(Converter.DpRawWidth.W))
  })
  private val diff = io.code.zext - io.c0.zext
  private val product = diff * io.gain.zext
  private val negative = product < 0.S
  private val magnitude = Mux(negative, 0.S - product, product).asUInt
  // floor((m + 128) / 256) = (m >> 8) + m[7]: half a unit rounds up, away from zero after the sign.
  private val rounded = ((magnitude >> 8) +& magnitude(7)).zext
  // Bits below the rounding bit do not change the result; named for Verilator's unused-regexp.
  private val fraction_unused = WireDefault(magnitude(6, 0))
  dontTouch(fraction_unused)
  private val quotient = Mux(negative, 0.S - rounded, rounded)
  io.dpRaw := (p.rows.S - quotient)(Converter.DpRawWidth - 1, 0).asSInt
}

object Converter {
  /** |(code - C0) * GAIN / 256| < 2^24 for 16-bit C0 and GAIN, plus ROWS: 27 signed bits hold it. */
  val DpRawWidth = 27
}
