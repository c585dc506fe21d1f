/**
 * The digital contract of SPEC section 5, written once: the host bus ({@link
 * mramcim.spec.HostBus}), opcodes ({@link mramcim.spec.Op}) and status codes ({@link
 * mramcim.spec.Status}) with explicit numbers, the register map ({@link mramcim.spec.Register},
 * {@link mramcim.spec.Offsets}), the layouts of the fields that pack several values into one word
 * ({@link mramcim.spec.CellAddress}, {@link mramcim.spec.ResultWord}, {@link mramcim.spec.IdWord},
 * {@link mramcim.spec.ReadCellWord}), the arithmetic formats ({@link mramcim.spec.Gain}), the
 * write-verify limits ({@link mramcim.spec.WriteVerify}) and the widths derived from ROWS and COLS
 * ({@link mramcim.spec.Sizes}).
 *
 * <p>The Chisel RTL (module {@code rtl}) and the cycle-accurate Java model (module {@code
 * java-model}) both take every register index, opcode, status code, width and legal range from
 * here; {@code SpecTableTest} walks SPEC section 5 against these classes and {@code
 * GeneratedVerilogContractTest} walks the generated Verilog against them.
 */
package mramcim.spec;
