package mramcim.rtl

import chisel3._
import mramcim.spec.{Gain, Register}

/** Code-to-dot-product converter (SPEC section 5):
  * `DP_raw = ROWS - round((code - C0) * GAIN / 256)`, GAIN unsigned Q8.8, rounding half away from
  * zero, all in integer arithmetic wide enough never to overflow.
  */
class Converter(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val code = Input(UInt(p.codeWidth.W))
    val c0 = Input(UInt(Register.C0.width().W))
    val gain = Input(UInt(Register.GAIN.width().W))
    val dpRaw = Output(SInt(Converter.DpRawWidth.W))
  })
  private val diff = io.code.zext - io.c0.zext
  private val product = diff * io.gain.zext
  private val negative = product < 0.S
  private val magnitude = Mux(negative, 0.S - product, product).asUInt
  // floor((m + HALF) / ONE) = (m >> FRACTION_BITS) + m[FRACTION_BITS - 1]: half a unit rounds up, away from zero after the sign.
  private val rounded = ((magnitude >> Gain.FRACTION_BITS) +& magnitude(Gain.FRACTION_BITS - 1)).zext
  // Bits below the rounding bit do not change the result; named for Verilator's unused-regexp.
  private val fraction_unused = WireDefault(magnitude(Gain.FRACTION_BITS - 2, 0))
  dontTouch(fraction_unused)
  private val quotient = Mux(negative, 0.S - rounded, rounded)
  io.dpRaw := (p.rows.S - quotient)(Converter.DpRawWidth - 1, 0).asSInt
}

object Converter {

  /** |(code - C0) * GAIN / 256| < 2^(C0 + GAIN - fraction bits) = 2^24; one bit more for the
    * rounding carry, one for adding ROWS (at most 128, far below 2^24) and the sign: 27 bits.
    */
  val DpRawWidth: Int = Register.C0.width() + Register.GAIN.width() - Gain.FRACTION_BITS + 3
}
