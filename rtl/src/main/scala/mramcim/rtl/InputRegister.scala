package mramcim.rtl

import chisel3._
import chisel3.util._

/** Input register: ROWS bits on `in_vec`, loaded 64 bits at a time by LOAD_INPUT. A load into a
  * word that does not exist, or with bits set beyond ROWS, is illegal (BAD_CMD).
  */
class InputRegister(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val word = Input(UInt(Spec.AddrWidth.W))
    val data = Input(UInt(Spec.DataWidth.W))
    val load = Input(Bool())
    val legal = Output(Bool())
    val bits = Output(UInt(p.rows.W))
  })

  /** Valid bits of input word w: 64, except in the last word of a ROWS that is not a multiple of 64. */
  private def validBits(w: Int): Int = math.min(64, p.rows - 64 * w)

  val words: Seq[UInt] = (0 until p.inputWords).map(w => RegInit(0.U(validBits(w).W)).suggestName(s"word_$w"))

  private val wordOk = io.word < p.inputWords.U
  private val sel = if (p.inputWords > 1) io.word(log2Ceil(p.inputWords) - 1, 0) else 0.U
  private val beyond = VecInit((0 until p.inputWords).map { w =>
    if (validBits(w) == 64) false.B else io.data(63, validBits(w)).orR
  })
  io.legal := wordOk && !beyond(sel)

  for ((reg, w) <- words.zipWithIndex) {
    when(io.load && sel === w.U) {
      reg := io.data(validBits(w) - 1, 0)
    }
  }
  io.bits := Cat(words.reverse)
}
