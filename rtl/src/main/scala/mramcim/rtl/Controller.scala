package mramcim.rtl

import chisel3._
import chisel3.util._

/** Controller (SPEC section 5): decodes an accepted command, answers BAD_CMD for any unknown op or
  * out-of-range field (and changes nothing), answers the immediate ops at once, runs a conversion
  * frame for COMPUTE (`drv_en` high for FRAME_CYCLES cycles, then waits for the TDC bank) and hands
  * cell operations to the write-verify sequencer.
  */
class Controller(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val cmdValid = Input(Bool())
    val cmdReady = Input(Bool())
    val op = Input(UInt(Spec.OpWidth.W))
    val addr = Input(UInt(Spec.AddrWidth.W))
    /** `cmd_data[63:1]`: must be zero for WRITE_CELL, whose weight is `cmd_data[0]`. */
    val dataHigh = Input(UInt((Spec.DataWidth - 1).W))
    val regWrLegal = Input(Bool())
    val regRdLegal = Input(Bool())
    val regRdData = Input(UInt(Spec.RspDataWidth.W))
    val inputLegal = Input(Bool())
    /** READ_RESULT's word below its zero high bits: the raw code above the corrected dot product. */
    val resultData = Input(UInt((p.codeWidth + Spec.DpWidth).W))
    val resultOverflow = Input(Bool())
    val frameCycles = Input(UInt(p.codeWidth.W))
    val tdcDone = Input(Bool())
    val overflowCount = Input(UInt(log2Ceil(p.cols + 1).W))
    val seqDone = Input(Bool())
    val seqFail = Input(Bool())
    val seqData = Input(UInt(Spec.PulsesWidth.W))
    val respond = Output(Bool())
    val status = Output(UInt(Spec.StatusWidth.W))
    val rspData = Output(UInt(Spec.RspDataWidth.W))
    val regWrEn = Output(Bool())
    val inputLoad = Output(Bool())
    val startWrite = Output(Bool())
    val startRead = Output(Bool())
    val drvEn = Output(Bool())
    val idle = Output(Bool())
  })

  object State extends ChiselEnum {
    val IDLE, CONV, CONV_WAIT, CELL = Value
  }

  val state = RegInit(State.IDLE)
  val drvEn = RegInit(false.B)
  val frameCnt = RegInit(0.U(p.codeWidth.W))

  private def isOp(op: Int): Bool = io.op === op.U
  private val accept = io.cmdValid && io.cmdReady
  private val row = io.addr(15, 8)
  private val col = io.addr(7, 0)
  private val cellOk = row < p.rows.U && col < p.cols.U
  private val legal = MuxLookup(io.op, false.B)(Seq(
    Spec.Op.NOP.U -> true.B,
    Spec.Op.WRITE_CELL.U -> (cellOk && io.dataHigh === 0.U),
    Spec.Op.READ_CELL.U -> cellOk,
    Spec.Op.LOAD_INPUT.U -> io.inputLegal,
    Spec.Op.COMPUTE.U -> true.B,
    Spec.Op.READ_RESULT.U -> (io.addr < p.cols.U),
    Spec.Op.WRITE_REG.U -> io.regWrLegal,
    Spec.Op.READ_REG.U -> io.regRdLegal
  ))
  private val go = accept && legal
  private val immediate = accept && (!legal || isOp(Spec.Op.NOP) || isOp(Spec.Op.LOAD_INPUT) ||
    isOp(Spec.Op.READ_RESULT) || isOp(Spec.Op.WRITE_REG) || isOp(Spec.Op.READ_REG))
  private val immStatus = Mux(!legal, Spec.Status.BAD_CMD.U,
    Mux(isOp(Spec.Op.READ_RESULT) && io.resultOverflow, Spec.Status.OVERFLOW.U, Spec.Status.OK.U))
  private val immData = Mux(!legal, 0.U,
    Mux(isOp(Spec.Op.READ_RESULT), io.resultData, Mux(isOp(Spec.Op.READ_REG), io.regRdData, 0.U)))
  private val finishedConv = state === State.CONV_WAIT && io.tdcDone
  private val finishedCell = state === State.CELL && io.seqDone

  io.respond := immediate || finishedConv || finishedCell
  io.status := Mux(immediate, immStatus,
    Mux(finishedConv, Mux(io.overflowCount =/= 0.U, Spec.Status.OVERFLOW.U, Spec.Status.OK.U),
      Mux(io.seqFail, Spec.Status.CELL_FAIL.U, Spec.Status.OK.U)))
  io.rspData := Mux(immediate, immData, Mux(finishedConv, io.overflowCount.pad(Spec.RspDataWidth),
    io.seqData.pad(Spec.RspDataWidth)))
  io.regWrEn := go && isOp(Spec.Op.WRITE_REG)
  io.inputLoad := go && isOp(Spec.Op.LOAD_INPUT)
  io.startWrite := go && isOp(Spec.Op.WRITE_CELL)
  io.startRead := go && isOp(Spec.Op.READ_CELL)

  switch(state) {
    is(State.IDLE) {
      // The frame counter is dead until a COMPUTE starts it: it waits at 1, the frame's first
      // cycle, rather than holding its last count (a hold no test could ever see).
      frameCnt := 1.U
      when(go && isOp(Spec.Op.COMPUTE)) {
        drvEn := true.B
        state := State.CONV
      }.elsewhen(go && (isOp(Spec.Op.WRITE_CELL) || isOp(Spec.Op.READ_CELL))) {
        state := State.CELL
      }
    }
    is(State.CONV) {
      when(frameCnt === io.frameCycles) {
        drvEn := false.B
        state := State.CONV_WAIT
      }.otherwise {
        frameCnt := frameCnt + 1.U
      }
    }
    is(State.CONV_WAIT) {
      when(io.tdcDone) {
        state := State.IDLE
      }
    }
    is(State.CELL) {
      when(io.seqDone) {
        state := State.IDLE
      }
    }
  }

  io.drvEn := drvEn
  io.idle := state === State.IDLE
}
