package mramcim.rtl

import chisel3._
import mramcim.spec.{Offsets, ResultWord}

/** Digital offsets (SPEC section 5; seed 000): `DP_out = clamp(DP_raw + OFFSET[j], -ROWS, +ROWS)`. */
class OffsetCorrector(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val dpRaw = Input(SInt(Converter.DpRawWidth.W))
    val offset = Input(SInt(Offsets.WIDTH.W))
    val dp = Output(SInt(ResultWord.DP_WIDTH.W))
  })
  private val sum = io.dpRaw +& io.offset
  private val lo = (-p.rows).S
  private val hi = p.rows.S
  private val clamped = Mux(sum < lo, lo, Mux(sum > hi, hi, sum))
  io.dp := clamped(ResultWord.DP_WIDTH - 1, 0).asSInt
}
