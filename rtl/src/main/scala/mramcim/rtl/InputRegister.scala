package mramcim.rtl

import chisel3._
import chisel3.util._
import mramcim.spec.{HostBus, Sizes}

/** Input register: ROWS bits on `in_vec`, loaded 64 bits at a time by LOAD_INPUT. A load into a
  * word that does not exist, or with bits set beyond ROWS, is illegal (BAD_CMD).
  */
class InputRegister(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val word = Input(UInt(HostBus.ADDR_WIDTH.W))
    val data = Input(UInt(HostBus.DATA_WIDTH.W))
    val load = Input(Bool())
    val legal = Output(Bool())
    val bits = Output(UInt(p.rows.W))
  })

  /** Valid bits of input word w: all of them, except in the last word of a ROWS that is not a multiple of the word. */
  private def validBits(w: Int): Int = math.min(Sizes.INPUT_WORD_BITS, p.rows - Sizes.INPUT_WORD_BITS * w)

  val words: Seq[UInt] = (0 until p.inputWords).map(w => RegInit(0.U(validBits(w).W)).suggestName(s"word_$w"))

  private val wordOk = io.word < p.inputWords.U
  private val sel = if (p.inputWords > 1) io.word(log2Ceil(p.inputWords) - 1, 0) else 0.U
  private val beyond = VecInit((0 until p.inputWords).map { w =>
    if (validBits(w) == Sizes.INPUT_WORD_BITS) false.B else io.data(HostBus.DATA_WIDTH - 1, validBits(w)).orR
  })
  io.legal := wordOk && !beyond(sel)

  for ((reg, w) <- words.zipWithIndex) {
    when(io.load && sel === w.U) {
      reg := io.data(validBits(w) - 1, 0)
    }
  }
  io.bits := Cat(words.reverse)
}
