// mramcim: C ABI around one Verilated top, loaded from Java through JNA direct mapping.
//
// One clock cycle is one call: mramcim_step() reads every input of the cycle from the shared input
// buffer, applies one rising clock edge and writes every output into the shared output buffer.
// The port <-> buffer mapping comes from the generated ports.h; the library carries the content
// hash of everything it was built from (MRAMCIM_BUILD_HASH) so that Java refuses a stale one.
//
// A netlist may end the simulation itself: $finish, $stop, $fatal, or Verilator's own fatal errors
// (a combinational region that does not converge). Verilator's defaults print and call abort() or
// exit(), which would take the whole JVM down with every other seed. The build defines
// VL_USER_FINISH, VL_USER_STOP and VL_USER_FATAL, so the handlers below replace Verilator's: they
// record what happened (file, line, message) on the handle being evaluated, and the calls that
// evaluate return a halt code (MRAMCIM_HALT_*, generated from the Java enum HaltCause into
// build_info.h) instead of ending the process. vl_fatal must not return into the model (its
// callers loop on), so it throws, and the handle is dead from then on.
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <verilated.h>
#include <verilated_vcd_c.h>
#if VM_COVERAGE
#include <verilated_cov.h>
#endif
#include "Vtop.h"
#include "build_info.h"

#if !defined(MRAMCIM_BUILD_HASH) || !defined(MRAMCIM_BUILD_INFO) || !defined(MRAMCIM_HALT_NONE)
#error "MRAMCIM_BUILD_HASH, MRAMCIM_BUILD_INFO and MRAMCIM_HALT_* must be defined by the build"
#endif

namespace {

struct Handle {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Vtop> top;
    std::unique_ptr<VerilatedVcdC> trace;
    const uint32_t* in;
    uint32_t* out;
    uint64_t halfPeriodPs;
    uint64_t timePs;
    int32_t halt;          // MRAMCIM_HALT_*: the first way the netlist ended the simulation
    std::string message;   // where and why, for the user
};

// Thrown by vl_fatal to leave a model that cannot go on; caught at the C ABI boundary.
struct FatalHalt {};

// The handle whose model is being evaluated on this thread (several models run on several threads).
thread_local Handle* t_current = nullptr;

void record(int32_t halt, const char* filename, int linenum, const char* what) {
    Handle* h = t_current;
    if (h == nullptr) return;
    // Keep the first halt, except that a fatal error always wins: nothing can run after it.
    if (h->halt != MRAMCIM_HALT_NONE && halt != MRAMCIM_HALT_FATAL) return;
    if (h->halt == MRAMCIM_HALT_FATAL) return;
    h->halt = halt;
    std::string where = (filename && filename[0]) ? std::string(filename) + ":" + std::to_string(linenum) : "";
    h->message = where.empty() ? std::string(what) : where + ": " + what;
}

// Runs one evaluating action with the handle current; returns the handle's halt code.
template <typename F>
int32_t guarded(Handle* h, F action) {
    if (h->halt == MRAMCIM_HALT_FATAL) return h->halt;
    t_current = h;
    try {
        action();
    } catch (const FatalHalt&) {
        // recorded by vl_fatal
    } catch (const std::exception& e) {
        record(MRAMCIM_HALT_FATAL, "", 0, (std::string("C++ exception: ") + e.what()).c_str());
    } catch (...) {
        record(MRAMCIM_HALT_FATAL, "", 0, "unknown C++ exception");
    }
    t_current = nullptr;
    return h->halt;
}

#include "ports.h"

void dump(Handle* h) {
    if (h->trace) h->trace->dump(h->timePs);
}

// Low phase (inputs settle), then the rising edge; each phase is half a clock period in the trace.
void cycle(Handle* h) {
    h->top->clock = 0;
    h->top->eval();
    dump(h);
    h->timePs += h->halfPeriodPs;
    h->top->clock = 1;
    h->top->eval();
    dump(h);
    h->timePs += h->halfPeriodPs;
}

void resetCycles(Handle* h, int32_t cycles) {
    h->top->reset = 1;
    for (int32_t i = 0; i < cycles; ++i) cycle(h);
    h->top->reset = 0;
    h->top->clock = 0;
    h->top->eval();
}

}  // namespace

// Verilator's user-definable handlers (verilated.cpp leaves them out when VL_USER_* is defined).
void vl_finish(const char* filename, int linenum, const char* hier) {
    (void)hier;
    record(MRAMCIM_HALT_FINISH, filename, linenum, "Verilog $finish");
    Verilated::threadContextp()->gotFinish(true);
}

void vl_stop(const char* filename, int linenum, const char* hier) {
    (void)hier;
    record(MRAMCIM_HALT_STOP, filename, linenum, "Verilog $stop");
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
}

void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) {
    (void)hier;
    record(MRAMCIM_HALT_FATAL, filename, linenum, msg);
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
    if (t_current != nullptr) throw FatalHalt();
    // Outside an evaluating call there is no caller to return an error to.
    std::fprintf(stderr, "%%Error: %s:%d: %s\n", filename ? filename : "", linenum, msg ? msg : "");
    std::abort();
}

extern "C" {

const char* mramcim_build_hash() { return MRAMCIM_BUILD_HASH; }

const char* mramcim_build_info() { return MRAMCIM_BUILD_INFO; }

void* mramcim_create(const uint32_t* in, uint32_t* out, int64_t halfPeriodPs) {
    Handle* h = new Handle();
    h->halt = MRAMCIM_HALT_NONE;
    h->ctx.reset(new VerilatedContext());
    h->ctx->traceEverOn(true);
    h->ctx->fatalOnError(false);
    h->in = in;
    h->out = out;
    h->halfPeriodPs = halfPeriodPs > 0 ? static_cast<uint64_t>(halfPeriodPs) : 1;
    h->timePs = 0;
    guarded(h, [h] { h->top.reset(new Vtop(h->ctx.get(), "TOP")); });
    if (!h->top) {
        delete h;
        return nullptr;
    }
    return h;
}

// The halt code (MRAMCIM_HALT_*) of the simulation so far; 0 while it runs on.
int32_t mramcim_step(void* p) {
    Handle* h = static_cast<Handle*>(p);
    return guarded(h, [h] {
        apply_inputs(h->top.get(), h->in);
        cycle(h);
        read_outputs(h->top.get(), h->out);
    });
}

// Settles the combinational logic on the present inputs without a clock edge, so that a test can
// read a block's combinational outputs (a response, a legality flag) in the cycle they apply to.
int32_t mramcim_eval(void* p) {
    Handle* h = static_cast<Handle*>(p);
    return guarded(h, [h] {
        apply_inputs(h->top.get(), h->in);
        h->top->eval();
        read_outputs(h->top.get(), h->out);
    });
}

int32_t mramcim_reset(void* p, int32_t cycles) {
    Handle* h = static_cast<Handle*>(p);
    return guarded(h, [h, cycles] {
        apply_inputs(h->top.get(), h->in);
        resetCycles(h, cycles);
        read_outputs(h->top.get(), h->out);
    });
}

// Where and why the netlist halted ("" while it runs).
const char* mramcim_halt_message(void* p) {
    return static_cast<Handle*>(p)->message.c_str();
}

int32_t mramcim_trace_open(void* p, const char* path) {
    Handle* h = static_cast<Handle*>(p);
    if (h->trace) return 1;
    if (h->halt == MRAMCIM_HALT_FATAL) return 3;
    h->trace.reset(new VerilatedVcdC());
    h->top->trace(h->trace.get(), 99);
    h->trace->open(path);
    return h->trace->isOpen() ? 0 : 2;
}

// Writes the coverage points counted so far (a library built with --coverage-*); 1 when the
// library has none (the fast build), 2 when the model is dead.
int32_t mramcim_coverage_write(void* p, const char* path) {
    Handle* h = static_cast<Handle*>(p);
#if VM_COVERAGE
    if (h->halt == MRAMCIM_HALT_FATAL) return 2;
    h->ctx->coveragep()->write(path);
    return 0;
#else
    (void)h;
    (void)path;
    return 1;
#endif
}

void mramcim_trace_close(void* p) {
    Handle* h = static_cast<Handle*>(p);
    if (h->trace) {
        h->trace->close();
        h->trace.reset();
    }
}

// The reference loop of `mramcim bench`: the same Verilated model driven from C++ with a recorded
// stimulus, no Java and no JNA crossing per cycle. Frame k holds `frameWords` words: a flags word
// (bit 0: a reset edge) followed by the input buffer of cycle k, analog answers (cmp, rd_bit)
// included, so the analog side is a trivial playback. Returns an FNV-1a hash over the output
// buffer after every edge, which the Java side compares with the lockstep run it recorded; a
// netlist that halts makes the hash differ from every lockstep that went on.
uint64_t mramcim_replay(void* p, const uint32_t* frames, int32_t frameWords, int64_t cycles) {
    Handle* h = static_cast<Handle*>(p);
    const int32_t outWords = MRAMCIM_OUTPUT_WORDS;
    uint64_t hash = 14695981039346656037ULL;
    guarded(h, [&] {
        for (int64_t k = 0; k < cycles; ++k) {
            const uint32_t* f = frames + k * frameWords;
            apply_inputs(h->top.get(), f + 1);
            if (f[0] & 1u) {
                resetCycles(h, 1);
            } else {
                cycle(h);
            }
            read_outputs(h->top.get(), h->out);
            for (int32_t w = 0; w < outWords; ++w) {
                hash = (hash ^ h->out[w]) * 1099511628211ULL;
            }
        }
    });
    return hash;
}

// The batched lockstep (issue 21): plays recorded frames as mramcim_replay does (the model side's
// host pins and analog answers) and after each edge compares the output words `slots[0..nSlots)`
// with the words the model side produced for that edge (`expected`, nSlots words per edge). It
// stops after the first edge whose outputs differ or in which the netlist halts and returns that
// edge's index, with its outputs in the output buffer; it returns `cycles` when every edge agreed.
// Why feeding the model's analog answers is exact: docs/architecture.md, "Batched lockstep".
int64_t mramcim_check(void* p, const uint32_t* frames, int32_t frameWords, const uint32_t* expected,
                      const int32_t* slots, int32_t nSlots, int64_t cycles) {
    Handle* h = static_cast<Handle*>(p);
    int64_t k = 0;
    guarded(h, [&] {
        for (; k < cycles; ++k) {
            const uint32_t* f = frames + k * frameWords;
            apply_inputs(h->top.get(), f + 1);
            if (f[0] & 1u) {
                resetCycles(h, 1);
            } else {
                cycle(h);
            }
            read_outputs(h->top.get(), h->out);
            if (h->halt != MRAMCIM_HALT_NONE) return;
            const uint32_t* e = expected + k * nSlots;
            for (int32_t i = 0; i < nSlots; ++i) {
                if (h->out[slots[i]] != e[i]) return;
            }
        }
    });
    return k;
}

// The halt code (MRAMCIM_HALT_*) of the simulation so far; 0 while it runs on.
int32_t mramcim_halt_code(void* p) { return static_cast<Handle*>(p)->halt; }

void mramcim_destroy(void* p) {
    Handle* h = static_cast<Handle*>(p);
    if (h == nullptr) return;
    mramcim_trace_close(h);
    if (h->halt != MRAMCIM_HALT_FATAL) {
        guarded(h, [h] { h->top->final(); });
    }
    // After a fatal halt the model's state is undefined; its memory is left to the process rather
    // than run destructors over it.
    if (h->halt == MRAMCIM_HALT_FATAL) {
        h->top.release();
        h->ctx.release();
        h->trace.release();
        h->message.clear();
        return;
    }
    delete h;
}

}  // extern "C"
