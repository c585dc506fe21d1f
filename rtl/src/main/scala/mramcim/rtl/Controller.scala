package mramcim.rtl

import chisel3._
import chisel3.util._
import mramcim.spec.{HostBus, Op, ResultWord, Status}

/** Controller (SPEC section 5): decodes an accepted command, answers BAD_CMD for any unknown op or
  * out-of-range field (and changes nothing), answers the immediate ops at once, runs a conversion
  * frame for COMPUTE (`drv_en` high for FRAME_CYCLES cycles, then waits for the TDC bank) and hands
  * cell operations to the write-verify sequencer.
  */
class Controller(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val cmdValid = Input(Bool())
    val cmdReady = Input(Bool())
    val op = Input(UInt(HostBus.OP_WIDTH.W))
    val addr = Input(UInt(HostBus.ADDR_WIDTH.W))

    /** `cmd_data[63:1]`: must be zero for WRITE_CELL, whose weight is `cmd_data[0]`. */
    val dataHigh = Input(UInt((HostBus.DATA_WIDTH - 1).W))
    val regWrLegal = Input(Bool())
    val regRdLegal = Input(Bool())
    val regRdData = Input(UInt(HostBus.RSP_DATA_WIDTH.W))
    val inputLegal = Input(Bool())

    /** READ_RESULT's word below its zero high bits: the raw code above the corrected dot product. */
    val resultData = Input(UInt((p.codeWidth + ResultWord.DP_WIDTH).W))
    val resultOverflow = Input(Bool())
    val frameCycles = Input(UInt(p.codeWidth.W))
    val tdcDone = Input(Bool())
    val overflowCount = Input(UInt(log2Ceil(p.cols + 1).W))
    val seqDone = Input(Bool())
    val seqFail = Input(Bool())
    val seqData = Input(UInt(WriteVerifySequencer.PulsesWidth.W))
    val respond = Output(Bool())
    val status = Output(UInt(HostBus.STATUS_WIDTH.W))
    val rspData = Output(UInt(HostBus.RSP_DATA_WIDTH.W))
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

  private def isOp(op: Op): Bool = io.op === Contract.op(op)
  private val accept = io.cmdValid && io.cmdReady
  private val row = Contract.row(io.addr)
  private val col = Contract.col(io.addr)
  private val cellOk = row < p.rows.U && col < p.cols.U
  private val legal = MuxLookup(io.op, false.B)(
    Seq(
      Contract.op(Op.NOP) -> true.B,
      Contract.op(Op.WRITE_CELL) -> (cellOk && io.dataHigh === 0.U),
      Contract.op(Op.READ_CELL) -> cellOk,
      Contract.op(Op.LOAD_INPUT) -> io.inputLegal,
      Contract.op(Op.COMPUTE) -> true.B,
      Contract.op(Op.READ_RESULT) -> (io.addr < p.cols.U),
      Contract.op(Op.WRITE_REG) -> io.regWrLegal,
      Contract.op(Op.READ_REG) -> io.regRdLegal
    )
  )
  private val go = accept && legal
  private val immediate = accept && (!legal || isOp(Op.NOP) || isOp(Op.LOAD_INPUT) ||
    isOp(Op.READ_RESULT) || isOp(Op.WRITE_REG) || isOp(Op.READ_REG))
  private val immStatus = Mux(
    !legal,
    Contract.status(Status.BAD_CMD),
    Mux(isOp(Op.READ_RESULT) && io.resultOverflow, Contract.status(Status.OVERFLOW), Contract.status(Status.OK))
  )
  private val immData =
    Mux(!legal, 0.U, Mux(isOp(Op.READ_RESULT), io.resultData, Mux(isOp(Op.READ_REG), io.regRdData, 0.U)))
  private val finishedConv = state === State.CONV_WAIT && io.tdcDone
  private val finishedCell = state === State.CELL && io.seqDone

  io.respond := immediate || finishedConv || finishedCell
  io.status := Mux(
    immediate,
    immStatus,
    Mux(
      finishedConv,
      Mux(io.overflowCount =/= 0.U, Contract.status(Status.OVERFLOW), Contract.status(Status.OK)),
      Mux(io.seqFail, Contract.status(Status.CELL_FAIL), Contract.status(Status.OK))
    )
  )
  io.rspData := Mux(
    immediate,
    immData,
    Mux(finishedConv, io.overflowCount.pad(HostBus.RSP_DATA_WIDTH), io.seqData.pad(HostBus.RSP_DATA_WIDTH))
  )
  io.regWrEn := go && isOp(Op.WRITE_REG)
  io.inputLoad := go && isOp(Op.LOAD_INPUT)
  io.startWrite := go && isOp(Op.WRITE_CELL)
  io.startRead := go && isOp(Op.READ_CELL)

  switch(state) {
    is(State.IDLE) {
      // The frame counter is dead until a COMPUTE starts it: it waits at 1, the frame's first
      // cycle, rather than holding its last count (a hold no test could ever see).
      frameCnt := 1.U
      when(go && isOp(Op.COMPUTE)) {
        drvEn := true.B
        state := State.CONV
      }.elsewhen(go && (isOp(Op.WRITE_CELL) || isOp(Op.READ_CELL))) {
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
