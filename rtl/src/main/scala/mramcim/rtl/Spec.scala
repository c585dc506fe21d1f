package mramcim.rtl

import chisel3._

/** Opcodes, status codes, register map and reset values of SPEC section 5. The Java model's
  * `Op`, `Status` and `RegisterMap` hold the same table; the co-simulation compares them.
  */
object Spec {
  val OpWidth = 4
  val StatusWidth = 2
  val AddrWidth = 16
  val DataWidth = 64
  val RspDataWidth = 32
  /** READ_RESULT's corrected dot product, data[15:0] (signed); the raw code sits above it. */
  val DpWidth = 16
  val AmpWidth = 4

  object Op {
    val NOP = 0
    val WRITE_CELL = 1
    val READ_CELL = 2
    val LOAD_INPUT = 3
    val COMPUTE = 4
    val READ_RESULT = 5
    val WRITE_REG = 6
    val READ_REG = 7
  }

  object Status {
    val OK = 0
    val CELL_FAIL = 1
    val BAD_CMD = 2
    val OVERFLOW = 3
  }

  object Reg {
    val C0 = 0x00
    val GAIN = 0x01
    val FRAME_CYCLES = 0x02
    val WR_PULSE = 0x03
    val RD_CYCLES = 0x04
    val WR_AMP_START = 0x05
    val WR_MAX_TRIES = 0x06
    val WR_MODE = 0x07
    val ID = 0x08
    val OFFSET_BASE = 0x100
    val VERSION = 1
  }

  /** Reset values (docs: java-model RegisterMap explains each). */
  object Reset {
    val C0 = 0
    val GAIN = 256
    val FRAME_CYCLES = 180
    val WR_PULSE = 20
    val RD_CYCLES = 4
    val WR_AMP_START = 6
    val WR_MAX_TRIES = 10
    val WR_MODE = 0
  }

  val MaxAmp = 15
  val MaxTries = 15
  /** Widths of the small timing registers (1..255 cycles). */
  val CycleRegWidth = 8
  val TriesWidth = 4
  /** The most pulses one WRITE_CELL can use: 2 MTJs x MaxTries tries x 2 pulses a try (four-pulse mode). */
  val MaxPulses = 2 * MaxTries * 2
  /** WRITE_CELL pulse counter, just wide enough for MaxPulses (a wider one has bits no write can raise). */
  val PulsesWidth = chisel3.util.log2Ceil(MaxPulses + 1)
  val OffsetWidth = 8
}
