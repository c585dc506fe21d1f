package mramcim.rtl

import chisel3._
import chisel3.util._

/** Register file (SPEC section 5): configuration, calibration and per-column offsets, with the
  * legality checks of WRITE_REG and READ_REG. A write of an unknown or read-only register, or of a
  * value outside the register's range, is illegal and the controller answers BAD_CMD.
  */
class RegisterFile(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val index = Input(UInt(Spec.AddrWidth.W))
    val wrData = Input(UInt(Spec.DataWidth.W))
    val wrEn = Input(Bool())
    val wrLegal = Output(Bool())
    val rdLegal = Output(Bool())
    val rdData = Output(UInt(Spec.RspDataWidth.W))
    val c0 = Output(UInt(16.W))
    val gain = Output(UInt(16.W))
    val frameCycles = Output(UInt(p.codeWidth.W))
    val wrPulse = Output(UInt(Spec.CycleRegWidth.W))
    val rdCycles = Output(UInt(Spec.CycleRegWidth.W))
    val wrAmpStart = Output(UInt(Spec.AmpWidth.W))
    val wrMaxTries = Output(UInt(Spec.TriesWidth.W))
    val wrMode = Output(Bool())
    val offset = Output(Vec(p.cols, SInt(Spec.OffsetWidth.W)))
  })

  val c0 = RegInit(Spec.Reset.C0.U(16.W))
  val gain = RegInit(Spec.Reset.GAIN.U(16.W))
  val frameCycles = RegInit(Spec.Reset.FRAME_CYCLES.U(p.codeWidth.W))
  val wrPulse = RegInit(Spec.Reset.WR_PULSE.U(Spec.CycleRegWidth.W))
  val rdCycles = RegInit(Spec.Reset.RD_CYCLES.U(Spec.CycleRegWidth.W))
  val wrAmpStart = RegInit(Spec.Reset.WR_AMP_START.U(Spec.AmpWidth.W))
  val wrMaxTries = RegInit(Spec.Reset.WR_MAX_TRIES.U(Spec.TriesWidth.W))
  val wrMode = RegInit(Spec.Reset.WR_MODE.B)
  val offset = RegInit(VecInit(Seq.fill(p.cols)(0.S(Spec.OffsetWidth.W))))

  private val idx = io.index
  private val d = io.wrData
  /** Data fits in the low `w` bits. */
  private def fits(w: Int): Bool = d(Spec.DataWidth - 1, w) === 0.U
  private val isOffset = idx >= Spec.Reg.OFFSET_BASE.U && idx < (Spec.Reg.OFFSET_BASE + p.cols).U
  private val offsetIdx = (idx - Spec.Reg.OFFSET_BASE.U)(p.colBits - 1, 0)
  // A signed 8-bit value sign-extended to 64 bits: bits 63..7 all equal.
  private val offsetFits = d(Spec.DataWidth - 1, Spec.OffsetWidth - 1).andR || !d(Spec.DataWidth - 1, Spec.OffsetWidth - 1).orR

  io.wrLegal := isOffset && offsetFits
  switch(idx) {
    is(Spec.Reg.C0.U) { io.wrLegal := fits(16) }
    is(Spec.Reg.GAIN.U) { io.wrLegal := fits(16) }
    is(Spec.Reg.FRAME_CYCLES.U) { io.wrLegal := fits(p.codeWidth) && d =/= 0.U && d <= p.maxFrameCycles.U }
    is(Spec.Reg.WR_PULSE.U) { io.wrLegal := fits(Spec.CycleRegWidth) && d =/= 0.U }
    is(Spec.Reg.RD_CYCLES.U) { io.wrLegal := fits(Spec.CycleRegWidth) && d =/= 0.U }
    is(Spec.Reg.WR_AMP_START.U) { io.wrLegal := fits(Spec.AmpWidth) }
    is(Spec.Reg.WR_MAX_TRIES.U) { io.wrLegal := fits(Spec.TriesWidth) && d =/= 0.U }
    is(Spec.Reg.WR_MODE.U) { io.wrLegal := fits(1) }
    is(Spec.Reg.ID.U) { io.wrLegal := false.B }
  }
  io.rdLegal := idx <= Spec.Reg.ID.U || isOffset

  private val id = ((Spec.Reg.VERSION << 16) | ((p.rows & 0xff) << 8) | (p.cols & 0xff)).U(Spec.RspDataWidth.W)
  io.rdData := offset(offsetIdx).pad(Spec.RspDataWidth).asUInt
  switch(idx) {
    is(Spec.Reg.C0.U) { io.rdData := c0 }
    is(Spec.Reg.GAIN.U) { io.rdData := gain }
    is(Spec.Reg.FRAME_CYCLES.U) { io.rdData := frameCycles }
    is(Spec.Reg.WR_PULSE.U) { io.rdData := wrPulse }
    is(Spec.Reg.RD_CYCLES.U) { io.rdData := rdCycles }
    is(Spec.Reg.WR_AMP_START.U) { io.rdData := wrAmpStart }
    is(Spec.Reg.WR_MAX_TRIES.U) { io.rdData := wrMaxTries }
    is(Spec.Reg.WR_MODE.U) { io.rdData := wrMode.asUInt }
    is(Spec.Reg.ID.U) { io.rdData := id }
  }

  when(io.wrEn) {
    switch(idx) {
      is(Spec.Reg.C0.U) { c0 := d(15, 0) }
      is(Spec.Reg.GAIN.U) { gain := d(15, 0) }
      is(Spec.Reg.FRAME_CYCLES.U) { frameCycles := d(p.codeWidth - 1, 0) }
      is(Spec.Reg.WR_PULSE.U) { wrPulse := d(Spec.CycleRegWidth - 1, 0) }
      is(Spec.Reg.RD_CYCLES.U) { rdCycles := d(Spec.CycleRegWidth - 1, 0) }
      is(Spec.Reg.WR_AMP_START.U) { wrAmpStart := d(Spec.AmpWidth - 1, 0) }
      is(Spec.Reg.WR_MAX_TRIES.U) { wrMaxTries := d(Spec.TriesWidth - 1, 0) }
      is(Spec.Reg.WR_MODE.U) { wrMode := d(0) }
    }
    when(isOffset) {
      offset(offsetIdx) := d(Spec.OffsetWidth - 1, 0).asSInt
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
