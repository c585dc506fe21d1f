package mramcim.rtl

import chisel3._
import chisel3.util._
import mramcim.spec.{Register, WriteVerify}

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
    val wrPulse = Input(UInt(Register.WR_PULSE.width().W))
    val rdCycles = Input(UInt(Register.RD_CYCLES.width().W))
    val wrAmpStart = Input(UInt(WriteVerify.AMP_WIDTH.W))
    val wrMaxTries = Input(UInt(Register.WR_MAX_TRIES.width().W))
    val fourPulse = Input(Bool())
    val accEn = Output(Bool())
    val accRow = Output(UInt(p.rowBits.W))
    val accCol = Output(UInt(p.colBits.W))
    val accBranch = Output(Bool())
    val wrEn = Output(Bool())
    val wrDir = Output(Bool())
    val wrAmp = Output(UInt(WriteVerify.AMP_WIDTH.W))
    val rdEn = Output(Bool())
    val done = Output(Bool())
    val resultFail = Output(Bool())
    val resultData = Output(UInt(WriteVerifySequencer.PulsesWidth.W))
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
  val wrAmp = RegInit(0.U(WriteVerify.AMP_WIDTH.W))
  val rdEn = RegInit(false.B)
  val weightPlus = RegInit(false.B)
  val amp = RegInit(0.U(WriteVerify.AMP_WIDTH.W))
  val tries = RegInit(0.U(Register.WR_MAX_TRIES.width().W))
  val pulses = RegInit(0.U(WriteVerifySequencer.PulsesWidth.W))
  val cnt = RegInit(0.U(WriteVerifySequencer.CountWidth.W))
  val phaseTarget = RegInit(false.B)
  val firstReadOk = RegInit(false.B)
  val failA = RegInit(false.B)
  val readA = RegInit(false.B)
  val done = RegInit(false.B)
  val resultFail = RegInit(false.B)
  val resultData = RegInit(0.U(WriteVerifySequencer.PulsesWidth.W))

  /** MTJ A must end in AP for weight -1, MTJ B for weight +1. */
  private def targetAp(branchB: Bool, plus: Bool): Bool = Mux(branchB, plus, !plus)

  private def startPulse(towardAp: Bool, a: UInt, pulseCount: UInt): Unit = {
    wrEn := true.B
    wrDir := towardAp
    wrAmp := a
    pulses := pulseCount
    state := State.PULSE
  }

  /** The access is over: `done` for one cycle, with the result registers (below) loaded. */
  private def finish(): Unit = {
    state := State.IDLE
    done := true.B
  }

  private def finishMtj(failed: Bool): Unit = {
    // amp, tries and phaseTarget restart for MTJ B; after B they are dead until the next write
    // loads them, so they restart either way (no hold mux: a mutation there could never be seen).
    amp := io.wrAmpStart
    tries := 0.U
    phaseTarget := !io.fourPulse
    when(!accBranch) {
      failA := failed
      accBranch := true.B
      val tAp = targetAp(true.B, weightPlus)
      startPulse(Mux(io.fourPulse, !tAp, tAp), io.wrAmpStart, pulses + 1.U)
    }.otherwise {
      accEn := false.B
      accBranch := false.B
      finish()
    }
  }

  /** A verify's read shows the MTJ in its target state (four-pulse: after the opposite one first). */
  private val verifyOk = io.rdBit === targetAp(accBranch, weightPlus) && (!io.fourPulse || firstReadOk)

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
    state := State.READ_A
  }.otherwise {
    switch(state) {
      is(State.PULSE) {
        when(cnt === io.wrPulse) {
          wrEn := false.B
          rdEn := true.B
          state := State.VERIFY
        }
      }
      is(State.VERIFY) {
        when(cnt === io.rdCycles) {
          rdEn := false.B
          // Every way out of a verify either starts a pulse (which counts it) or finishes; finish
          // reports the count before this update, and the count is dead in IDLE, so it is updated
          // unconditionally.
          pulses := pulses + 1.U
          val tAp = targetAp(accBranch, weightPlus)
          when(!phaseTarget) {
            // Four-pulse, first half: the read must show the opposite; then pulse toward the target.
            firstReadOk := io.rdBit === !tAp
            phaseTarget := true.B
            startPulse(tAp, amp, pulses + 1.U)
          }.otherwise {
            // tries stays below WR_MAX_TRIES <= 15 (it restarts when it reaches it), so no carry out.
            val triesNext = tries + 1.U
            tries := triesNext
            when(verifyOk) {
              finishMtj(false.B)
            }.elsewhen(triesNext === io.wrMaxTries || amp === WriteVerify.MAX_AMP.U) {
              finishMtj(true.B)
            }.otherwise {
              amp := amp + 1.U
              phaseTarget := !io.fourPulse
              startPulse(Mux(io.fourPulse, !tAp, tAp), amp + 1.U, pulses + 1.U)
            }
          }
        }
      }
      is(State.READ_A) {
        when(cnt === io.rdCycles) {
          readA := io.rdBit
          rdEn := false.B
          accBranch := true.B
          state := State.GAP
        }
      }
      is(State.GAP) {
        rdEn := true.B
        state := State.READ_B
      }
      is(State.READ_B) {
        when(cnt === io.rdCycles) {
          rdEn := false.B
          accEn := false.B
          accBranch := false.B
          finish()
        }
      }
    }
  }

  // The result registers load, every cycle, what a finish in this cycle reports: a read's A and B
  // (CELL_FAIL when they agree, SPEC 5), a write's pulse count and whether an MTJ failed (A
  // earlier, or B now: a verify that is over without success gives up). They are read only with
  // done; between finishes they carry don't-care values rather than holding, so no enable and no
  // hold logic that no test could ever see.
  private val readingB = state === State.READ_B
  resultFail := Mux(readingB, readA === io.rdBit, failA || !verifyOk)
  resultData := Mux(readingB, Contract.readCellWord(readA, io.rdBit), pulses)

  // The cycle counter of pulses, verifies and reads: it restarts at 1 with every access, pulse,
  // verify and read of B, and counts otherwise, also where its count is dead (past a read's last
  // cycle, in IDLE): one expression, no per-state hold that no test could see.
  private val restart = io.startWrite || io.startRead || state === State.GAP ||
    (state === State.PULSE && cnt === io.wrPulse) || (state === State.VERIFY && cnt === io.rdCycles)
  cnt := Mux(restart, 1.U, cnt + 1.U)

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

object WriteVerifySequencer {

  /** WRITE_CELL's pulse counter, just wide enough for the most pulses one write can use (a wider one
    * has bits no write can raise).
    */
  val PulsesWidth: Int = log2Ceil(WriteVerify.maxPulses() + 1)

  /** The cycle counter of pulses and reads: it counts up to WR_PULSE or RD_CYCLES. */
  val CountWidth: Int = math.max(Register.WR_PULSE.width(), Register.RD_CYCLES.width())
}
