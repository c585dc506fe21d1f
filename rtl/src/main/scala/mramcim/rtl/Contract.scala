package mramcim.rtl

import chisel3._
import chisel3.util.Cat
import mramcim.spec.{CellAddress, HostBus, Op, ReadCellWord, ResultWord, Status}

/** Chisel views of the digital contract held once in the `spec` module (SPEC section 5): every
  * opcode, status code, field position and width in the RTL comes from there. Nothing here is a
  * number of its own.
  */
object Contract {

  /** An opcode as the value on `cmd_op`. */
  def op(o: Op): UInt = o.code().U(HostBus.OP_WIDTH.W)

  /** A status code as the value on `rsp_status`. */
  def status(s: Status): UInt = s.code().U(HostBus.STATUS_WIDTH.W)

  /** The row field of a cell op's `cmd_addr`, [15:8]. */
  def row(addr: UInt): UInt = field(addr, CellAddress.ROW_LSB, CellAddress.ROW_WIDTH)

  /** The column field of a cell op's `cmd_addr`, [7:0]. */
  def col(addr: UInt): UInt = field(addr, CellAddress.COL_LSB, CellAddress.COL_WIDTH)

  /** READ_RESULT's word: the raw code above the corrected dot product ([31:16] and [15:0]). */
  def resultWord(code: UInt, dp: SInt): UInt = {
    require(dp.getWidth == ResultWord.DP_WIDTH, s"the corrected dot product is ${ResultWord.DP_WIDTH} bits")
    require(code.getWidth <= ResultWord.CODE_WIDTH, s"the raw code field is ${ResultWord.CODE_WIDTH} bits")
    Cat(code, dp.asUInt)
  }

  /** READ_CELL's word: MTJ A's read at bit A_BIT, MTJ B's at bit B_BIT. */
  def readCellWord(a: Bool, b: Bool): UInt = (a.asUInt << ReadCellWord.A_BIT) | (b.asUInt << ReadCellWord.B_BIT)

  /** Bits lsb .. lsb + width - 1 of a value. */
  def field(value: UInt, lsb: Int, width: Int): UInt = value(lsb + width - 1, lsb)
}
