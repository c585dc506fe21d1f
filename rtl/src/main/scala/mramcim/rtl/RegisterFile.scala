package mramcim.rtl

import chisel3._
import chisel3.util._
import mramcim.spec.{HostBus, IdWord, Offsets, Register}
import mramcim.spec.Register._

/** Register file (SPEC section 5): configuration, calibration and per-column offsets, with the
  * legality checks of WRITE_REG and READ_REG. A write of an unknown or read-only register, or of a
  * value outside the register's range, is illegal and the controller answers BAD_CMD. Indices,
  * widths, reset values and ranges are the `spec` module's `Register` and `Offsets`.
  */
class RegisterFile(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val index = Input(UInt(HostBus.ADDR_WIDTH.W))
    val wrData = Input(UInt(HostBus.DATA_WIDTH.W))
    val wrEn = Input(Bool())
    val wrLegal = Output(Bool())
    val rdLegal = Output(Bool())
    val rdData = Output(UInt(HostBus.RSP_DATA_WIDTH.W))
    val c0 = Output(UInt(C0.width().W))
    val gain = Output(UInt(GAIN.width().W))
    val frameCycles = Output(UInt(FRAME_CYCLES.width().W))
    val wrPulse = Output(UInt(WR_PULSE.width().W))
    val rdCycles = Output(UInt(RD_CYCLES.width().W))
    val wrAmpStart = Output(UInt(WR_AMP_START.width().W))
    val wrMaxTries = Output(UInt(WR_MAX_TRIES.width().W))
    val wrMode = Output(Bool())
    val offset = Output(Vec(p.cols, SInt(Offsets.WIDTH.W)))
  })

  private def init(r: Register): UInt = RegInit(r.resetValue().U(r.width().W))
  val c0 = init(C0)
  val gain = init(GAIN)
  val frameCycles = init(FRAME_CYCLES)
  val wrPulse = init(WR_PULSE)
  val rdCycles = init(RD_CYCLES)
  val wrAmpStart = init(WR_AMP_START)
  val wrMaxTries = init(WR_MAX_TRIES)
  val wrMode = RegInit(WR_MODE.resetValue().B)
  val offset = RegInit(VecInit(Seq.fill(p.cols)(0.S(Offsets.WIDTH.W))))

  private val idx = io.index
  private val d = io.wrData
  private def at(r: Register): UInt = r.index().U

  /** Data fits in the register's bits and is at least its minimum (the maximum is all bits set). */
  private def legal(r: Register): Bool = {
    val fits = d(HostBus.DATA_WIDTH - 1, r.width()) === 0.U
    if (r.min() == 0) fits else fits && d >= r.min().U
  }
  private val isOffset = idx >= Offsets.BASE.U && idx < (Offsets.BASE + p.cols).U
  private val offsetIdx = (idx - Offsets.BASE.U)(p.colBits - 1, 0)
  // A signed offset sign-extended to 64 bits: every bit from the offset's sign bit up is equal.
  private val offsetHigh = d(HostBus.DATA_WIDTH - 1, Offsets.WIDTH - 1)
  private val offsetFits = offsetHigh.andR || !offsetHigh.orR

  io.wrLegal := isOffset && offsetFits
  switch(idx) {
    is(at(C0)) { io.wrLegal := legal(C0) }
    is(at(GAIN)) { io.wrLegal := legal(GAIN) }
    is(at(FRAME_CYCLES)) { io.wrLegal := legal(FRAME_CYCLES) }
    is(at(WR_PULSE)) { io.wrLegal := legal(WR_PULSE) }
    is(at(RD_CYCLES)) { io.wrLegal := legal(RD_CYCLES) }
    is(at(WR_AMP_START)) { io.wrLegal := legal(WR_AMP_START) }
    is(at(WR_MAX_TRIES)) { io.wrLegal := legal(WR_MAX_TRIES) }
    is(at(WR_MODE)) { io.wrLegal := legal(WR_MODE) }
    is(at(ID)) { io.wrLegal := false.B }
  }
  // The global registers are numbered 0 .. GLOBAL_COUNT - 1 (SpecTableTest checks it).
  io.rdLegal := idx < Register.GLOBAL_COUNT.U || isOffset

  private val id = IdWord.encode(p.rows, p.cols).U(HostBus.RSP_DATA_WIDTH.W)
  io.rdData := offset(offsetIdx).pad(HostBus.RSP_DATA_WIDTH).asUInt
  switch(idx) {
    is(at(C0)) { io.rdData := c0 }
    is(at(GAIN)) { io.rdData := gain }
    is(at(FRAME_CYCLES)) { io.rdData := frameCycles }
    is(at(WR_PULSE)) { io.rdData := wrPulse }
    is(at(RD_CYCLES)) { io.rdData := rdCycles }
    is(at(WR_AMP_START)) { io.rdData := wrAmpStart }
    is(at(WR_MAX_TRIES)) { io.rdData := wrMaxTries }
    is(at(WR_MODE)) { io.rdData := wrMode.asUInt }
    is(at(ID)) { io.rdData := id }
  }

  private def low(r: Register): UInt = d(r.width() - 1, 0)
  when(io.wrEn) {
    switch(idx) {
      is(at(C0)) { c0 := low(C0) }
      is(at(GAIN)) { gain := low(GAIN) }
      is(at(FRAME_CYCLES)) { frameCycles := low(FRAME_CYCLES) }
      is(at(WR_PULSE)) { wrPulse := low(WR_PULSE) }
      is(at(RD_CYCLES)) { rdCycles := low(RD_CYCLES) }
      is(at(WR_AMP_START)) { wrAmpStart := low(WR_AMP_START) }
      is(at(WR_MAX_TRIES)) { wrMaxTries := low(WR_MAX_TRIES) }
      is(at(WR_MODE)) { wrMode := low(WR_MODE).asBool }
    }
    when(isOffset) {
      offset(offsetIdx) := d(Offsets.WIDTH - 1, 0).asSInt
    }
  }

  io.c0 := c0
  io.gain := gain
  io.frameCycles := frameCycles
  io.wrPulse := wrPulse
  io.rdCycles := rdCycles
  io.wrAmpStart := wrAmpStart
  io.wrMaxTries := wrMaxTries
  io.wrMode := wrMode
  io.offset := offset
}
