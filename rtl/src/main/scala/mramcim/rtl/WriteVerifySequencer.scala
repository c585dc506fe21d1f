package mramcim.rtl

import chisel3._
import chisel3.util._

/** Write-verify sequencer (SPEC section 5): drives the data-line pins for WRITE_CELL (MTJ A then
  * MTJ B, each by write-verify in two-pulse or four-pulse mode, seed 004 Fig. 2b) and READ_CELL
  * (A, one cycle with `rd_en` low so the sense amplifier re-arms, then B). A pulse holds `wr_en`
  * for WR_PULSE cycles; a read holds `rd_en` for RD_CYCLES cycles and samples `rd_bit` at its last
  * edge. `done` pulses for one cycle with the result. docs/timing.md draws the waveforms.
  */
class WriteVerifySequencer(p: MacroParams) extends Module {
  val io = IO(new Bundle {
    val startWrite = Input(Bool())
    val startRead = Input(Bool())
    val row = Input(UInt(p.rowBits.W))
    val col = Input(UInt(p.colBits.W))
    val weightBit = Input(Bool())
    val rdBit = Input(Bool())
    val wrPulse = Input(UInt(Spec.CycleRegWidth.W))
    val rdCycles = Input(UInt(Spec.CycleRegWidth.W))
    val wrAmpStart = Input(UInt(Spec.AmpWidth.W))
    val wrMaxTries = Input(UInt(Spec.TriesWidth.W))
    val fourPulse = Input(Bool())
    val accEn = Output(Bool())
    val accRow = Output(UInt(p.rowBits.W))
    val accCol = Output(UInt(p.colBits.W))
    val accBranch = Output(Bool())
    val wrEn = Output(Bool())
    val wrDir = Output(Bool())
    val wrAmp = Output(UInt(Spec.AmpWidth.W))
    val rdEn = Output(Bool())
    val done = Output(Bool())
    val resultFail = Output(Bool())
    val resultData = Output(UInt(Spec.PulsesWidth.W))
  })

  object State extends ChiselEnum {
    val IDLE, PULSE, VERIFY, READ_A, GAP, READ_B = Value
  }

  val state = RegInit(State.IDLE)
  val accEn = RegInit(false.B)
  val accRow = RegInit(0.U(p.rowBits.W))
  val accCol = RegInit(0.U(p.colBits.W))
  val accBranch = RegInit(false.B)
  val wrEn = RegInit(false.B)
  val wrDir = RegInit(false.B)
  val wrAmp = RegInit(0.U(Spec.AmpWidth.W))
  val rdEn = RegInit(false.B)
  val weightPlus = RegInit(false.B)
  val amp = RegInit(0.U(Spec.AmpWidth.W))
  val tries = RegInit(0.U(Spec.TriesWidth.W))
  val pulses = RegInit(0.U(Spec.PulsesWidth.W))
  val cnt = RegInit(0.U(Spec.CycleRegWidth.W))
  val phaseTarget = RegInit(false.B)
  val firstReadOk = RegInit(false.B)
  val failA = RegInit(false.B)
  val readA = RegInit(false.B)
  val done = RegInit(false.B)
  val resultFail = RegInit(false.B)
  val resultData = RegInit(0.U(Spec.PulsesWidth.W))

  /** MTJ A must end in AP for weight -1, MTJ B for weight +1. */
  private def targetAp(branchB: Bool, plus: Bool): Bool = Mux(branchB, plus, !plus)

  private def startPulse(towardAp: Bool, a: UInt, pulseCount: UInt): Unit = {
    wrEn := true.B
    wrDir := towardAp
    wrAmp := a
    cnt := 1.U
    pulses := pulseCount
    state := State.PULSE
  }

  private def finish(fail: Bool, data: UInt): Unit = {
    state := State.IDLE
    done := true.B
    resultFail := fail
    resultData := data
  }

  private def finishMtj(failed: Bool): Unit = {
    when(!accBranch) {
      failA := failed
      accBranch := true.B
      amp := io.wrAmpStart
      tries := 0.U
      phaseTarget := !io.fourPulse
      val tAp = targetAp(true.B, weightPlus)
      startPulse(Mux(io.fourPulse, !tAp, tAp), io.wrAmpStart, pulses + 1.U)
    }.otherwise {
      accEn := false.B
      accBranch := false.B
      finish(failA || failed, pulses)
    }
  }

  done := false.B
  when(io.startWrite) {
    accEn := true.B
    accRow := io.row
    accCol := io.col
    accBranch := false.B
    weightPlus := io.weightBit
    amp := io.wrAmpStart
    tries := 0.U
    failA := false.B
    phaseTarget := !io.fourPulse
    val tAp = targetAp(false.B, io.weightBit)
    startPulse(Mux(io.fourPulse, !tAp, tAp), io.wrAmpStart, 1.U)
  }.elsewhen(io.startRead) {
    accEn := true.B
    accRow := io.row
    accCol := io.col
    accBranch := false.B
    rdEn := true.B
    cnt := 1.U
    state := State.READ_A
  }.otherwise {
    switch(state) {
      is(State.PULSE) {
        when(cnt === io.wrPulse) {
          wrEn := false.B
          rdEn := true.B
          cnt := 1.U
          state := State.VERIFY
        }.otherwise {
          cnt := cnt + 1.U
        }
      }
      is(State.VERIFY) {
        when(cnt === io.rdCycles) {
          rdEn := false.B
          val tAp = targetAp(accBranch, weightPlus)
          when(!phaseTarget) {
            // Four-pulse, first half: the read must show the opposite; then pulse toward the target.
            firstReadOk := io.rdBit === !tAp
            phaseTarget := true.B
            startPulse(tAp, amp, pulses + 1.U)
          }.otherwise {
            val triesNext = tries +& 1.U
            tries := triesNext
            val ok = io.rdBit === tAp && (!io.fourPulse || firstReadOk)
            when(ok) {
              finishMtj(false.B)
            }.elsewhen(triesNext === io.wrMaxTries || amp === Spec.MaxAmp.U) {
              finishMtj(true.B)
            }.otherwise {
              amp := amp + 1.U
              phaseTarget := !io.fourPulse
              startPulse(Mux(io.fourPulse, !tAp, tAp), amp + 1.U, pulses + 1.U)
            }
          }
        }.otherwise {
          cnt := cnt + 1.U
        }
      }
      is(State.READ_A) {
        when(cnt === io.rdCycles) {
          readA := io.rdBit
          rdEn := false.B
          accBranch := true.B
          state := State.GAP
        }.otherwise {
          cnt := cnt + 1.U
        }
      }
      is(State.GAP) {
        rdEn := true.B
        cnt := 1.U
        state := State.READ_B
      }
      is(State.READ_B) {
        when(cnt === io.rdCycles) {
          rdEn := false.B
          accEn := false.B
          accBranch := false.B
          finish(readA === io.rdBit, Cat(io.rdBit, readA))
        }.otherwise {
          cnt := cnt + 1.U
        }
      }
    }
  }

  io.accEn := accEn
  io.accRow := accRow
  io.accCol := accCol
  io.accBranch := accBranch
  io.wrEn := wrEn
  io.wrDir := wrDir
  io.wrAmp := wrAmp
  io.rdEn := rdEn
  io.done := done
  io.resultFail := resultFail
  io.resultData := resultData
}
