package mramcim.rtl

import chisel3._
import chisel3.util._
import mramcim.spec.{HostBus, WriteVerify}

/** The digital periphery of the MRAM compute-in-memory macro (SPEC sections 4 and 5): the host
  * interface plus the analog boundary pins. Block instances carry the names the Java model uses
  * for the same blocks (host, ctrl, wvs, inputs, tdc, conv, offsets, regs), so both waveforms show
  * the same hierarchy.
  */
class MramCimMacro(p: MacroParams) extends Module {
  val io = FlatIO(new Bundle {
    val cmd_valid = Input(Bool())
    val cmd_ready = Output(Bool())
    val cmd_op = Input(UInt(HostBus.OP_WIDTH.W))
    val cmd_addr = Input(UInt(HostBus.ADDR_WIDTH.W))
    val cmd_data = Input(UInt(HostBus.DATA_WIDTH.W))
    val rsp_valid = Output(Bool())
    val rsp_ready = Input(Bool())
    val rsp_status = Output(UInt(HostBus.STATUS_WIDTH.W))
    val rsp_data = Output(UInt(HostBus.RSP_DATA_WIDTH.W))
    val in_vec = Output(UInt(p.rows.W))
    val drv_en = Output(Bool())
    val acc_en = Output(Bool())
    val acc_row = Output(UInt(p.rowBits.W))
    val acc_col = Output(UInt(p.colBits.W))
    val acc_branch = Output(Bool())
    val wr_en = Output(Bool())
    val wr_dir = Output(Bool())
    val wr_amp = Output(UInt(WriteVerify.AMP_WIDTH.W))
    val rd_en = Output(Bool())
    val cmp = Input(UInt(p.cols.W))
    val rd_bit = Input(Bool())
  })

  val host = Module(new HostInterface)
  val ctrl = Module(new Controller(p))
  val wvs = Module(new WriteVerifySequencer(p))
  val inputs = Module(new InputRegister(p))
  // The controller's frame is at most FRAME_CYCLES <= codeMax edges long: no saturation logic.
  val tdc = Module(new TdcBank(p, frameBounded = true))
  val conv = Module(new Converter(p))
  val offsets = Module(new OffsetCorrector(p))
  val regs = Module(new RegisterFile(p))

  private val resultCol = io.cmd_addr(p.colBits - 1, 0)

  host.io.ctrlIdle := ctrl.io.idle
  host.io.respond := ctrl.io.respond
  host.io.status := ctrl.io.status
  host.io.data := ctrl.io.rspData
  host.io.rspReady := io.rsp_ready

  ctrl.io.cmdValid := io.cmd_valid
  ctrl.io.cmdReady := host.io.cmdReady
  ctrl.io.op := io.cmd_op
  ctrl.io.addr := io.cmd_addr
  ctrl.io.dataHigh := io.cmd_data(HostBus.DATA_WIDTH - 1, 1)
  ctrl.io.regWrLegal := regs.io.wrLegal
  ctrl.io.regRdLegal := regs.io.rdLegal
  ctrl.io.regRdData := regs.io.rdData
  ctrl.io.inputLegal := inputs.io.legal
  ctrl.io.resultData := Contract.resultWord(tdc.io.code(resultCol), offsets.io.dp)
  ctrl.io.resultOverflow := VecInit(tdc.io.overflow.asBools)(resultCol)
  ctrl.io.frameCycles := regs.io.frameCycles
  ctrl.io.tdcDone := tdc.io.done
  ctrl.io.overflowCount := PopCount(tdc.io.overflow)
  ctrl.io.seqDone := wvs.io.done
  ctrl.io.seqFail := wvs.io.resultFail
  ctrl.io.seqData := wvs.io.resultData

  wvs.io.startWrite := ctrl.io.startWrite
  wvs.io.startRead := ctrl.io.startRead
  wvs.io.row := Contract.row(io.cmd_addr)(p.rowBits - 1, 0)
  wvs.io.col := Contract.col(io.cmd_addr)(p.colBits - 1, 0)
  wvs.io.weightBit := io.cmd_data(0)
  wvs.io.rdBit := io.rd_bit
  wvs.io.wrPulse := regs.io.wrPulse
  wvs.io.rdCycles := regs.io.rdCycles
  wvs.io.wrAmpStart := regs.io.wrAmpStart
  wvs.io.wrMaxTries := regs.io.wrMaxTries
  wvs.io.fourPulse := regs.io.wrMode

  inputs.io.word := io.cmd_addr
  inputs.io.data := io.cmd_data
  inputs.io.load := ctrl.io.inputLoad

  tdc.io.frame := ctrl.io.drvEn
  tdc.io.cmp := io.cmp

  conv.io.code := tdc.io.code(resultCol)
  conv.io.c0 := regs.io.c0
  conv.io.gain := regs.io.gain
  offsets.io.dpRaw := conv.io.dpRaw
  offsets.io.offset := regs.io.offset(resultCol)

  regs.io.index := io.cmd_addr
  regs.io.wrData := io.cmd_data
  regs.io.wrEn := ctrl.io.regWrEn

  io.cmd_ready := host.io.cmdReady
  io.rsp_valid := host.io.rspValid
  io.rsp_status := host.io.rspStatus
  io.rsp_data := host.io.rspData
  io.in_vec := inputs.io.bits
  io.drv_en := ctrl.io.drvEn
  io.acc_en := wvs.io.accEn
  io.acc_row := wvs.io.accRow
  io.acc_col := wvs.io.accCol
  io.acc_branch := wvs.io.accBranch
  io.wr_en := wvs.io.wrEn
  io.wr_dir := wvs.io.wrDir
  io.wr_amp := wvs.io.wrAmp
  io.rd_en := wvs.io.rdEn
}
