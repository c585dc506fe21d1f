package mramcim.rtl

import chisel3._
import chisel3.util._

/** Time-to-digital converter bank (SPEC section 5, "TDC counters"): one counter per column.
  *
  * `frame` is the controller's `drv_en`. Timing (SPEC section 3): if `drv_en` rose at edge k0, the
  * comparator value sampled at edge k0+n is 1 iff n*T >= tau, so the code that equals the ideal
  * ceil(tau/T) is the index n of the first edge at which `cmp` is seen high. Each counter therefore
  * advances on every frame edge while it runs, including the edge at which its comparator is first
  * seen high, and then freezes; later comparator glitches do not move it. A counter still running
  * when the frame ends, or one that had to count past `codeMax` (a frame held longer than the
  * counter), reports `codeMax` and raises its overflow bit. Results are latched at the
  * first edge after the frame (when `frame` is seen low again), `done` pulses for one cycle, and
  * they hold until the next frame ends.
  *
  * @param frameBounded the frame is never longer than `codeMax` edges, so no counter can reach its
  *                     end while running and the saturation logic is left out. The macro's
  *                     controller guarantees it (FRAME_CYCLES is a `codeWidth`-bit register); there
  *                     the logic would be dead, never covered and never testable (issue 19). The
  *                     block on its own (TdcBankRtlTest) keeps it.
  */
class TdcBank(p: MacroParams, frameBounded: Boolean = false) extends Module {
  val io = FlatIO(new Bundle {
    val frame = Input(Bool())
    val cmp = Input(UInt(p.cols.W))
    val code = Output(Vec(p.cols, UInt(p.codeWidth.W)))
    val overflow = Output(UInt(p.cols.W))
    val done = Output(Bool())
  })

  private val max = p.codeMax.U(p.codeWidth.W)

  val count = RegInit(VecInit(Seq.fill(p.cols)(0.U(p.codeWidth.W))))
  val running = RegInit(VecInit(Seq.fill(p.cols)(true.B)))
  val saturated = RegInit(VecInit(Seq.fill(p.cols)(false.B)))
  val frameSeen = RegInit(false.B)
  val codeLatch = RegInit(VecInit(Seq.fill(p.cols)(0.U(p.codeWidth.W))))
  val overflowLatch = RegInit(0.U(p.cols.W))
  val doneReg = RegInit(false.B)

  frameSeen := io.frame
  private val frameEnd = frameSeen && !io.frame
  doneReg := frameEnd

  for (j <- 0 until p.cols) {
    when(io.frame) {
      when(running(j)) {
        if (frameBounded) {
          count(j) := count(j) + 1.U
        } else {
          // Saturate rather than wrap if a frame is held longer than the counter can count; such a
          // column has overflowed even if its comparator fires later.
          count(j) := Mux(count(j) === max, max, count(j) + 1.U)
          saturated(j) := saturated(j) || count(j) === max
        }
        running(j) := !io.cmp(j)
      }
    }.otherwise {
      count(j) := 0.U
      running(j) := true.B
      saturated(j) := false.B
    }
  }

  when(frameEnd) {
    for (j <- 0 until p.cols) {
      codeLatch(j) := Mux(running(j), max, count(j))
    }
    overflowLatch := (if (frameBounded) running.asUInt else running.asUInt | saturated.asUInt)
  }

  io.code := codeLatch
  io.overflow := overflowLatch
  io.done := doneReg
}
