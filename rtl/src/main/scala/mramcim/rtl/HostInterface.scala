package mramcim.rtl

import chisel3._
import mramcim.spec.HostBus

/** Host interface (SPEC section 5): holds one response until the host takes it; `cmd_ready` is
  * low while a response waits or the controller is busy, so exactly one response leaves per
  * accepted command, in order, and back-pressure loses nothing.
  */
class HostInterface extends Module {
  val io = IO(new Bundle {
    val ctrlIdle = Input(Bool())
    val respond = Input(Bool())
    val status = Input(UInt(HostBus.STATUS_WIDTH.W))
    val data = Input(UInt(HostBus.RSP_DATA_WIDTH.W))
    val rspReady = Input(Bool())
    val cmdReady = Output(Bool())
    val rspValid = Output(Bool())
    val rspStatus = Output(UInt(HostBus.STATUS_WIDTH.W))
    val rspData = Output(UInt(HostBus.RSP_DATA_WIDTH.W))
  })
  val rspValid = RegInit(false.B)
  val rspStatus = RegInit(0.U(HostBus.STATUS_WIDTH.W))
  val rspData = RegInit(0.U(HostBus.RSP_DATA_WIDTH.W))

  when(io.respond) {
    rspValid := true.B
    rspStatus := io.status
    rspData := io.data
  }.elsewhen(rspValid && io.rspReady) {
    rspValid := false.B
  }
  io.cmdReady := io.ctrlIdle && !rspValid
  io.rspValid := rspValid
  io.rspStatus := rspStatus
  io.rspData := rspData
}
