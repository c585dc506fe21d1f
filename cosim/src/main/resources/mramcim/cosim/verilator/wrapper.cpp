// mramcim: C ABI around one Verilated top, loaded from Java through JNA direct mapping.
//
// One clock cycle is one call: mramcim_step() reads every input of the cycle from the shared input
// buffer, applies one rising clock edge and writes every output into the shared output buffer.
// The port <-> buffer mapping comes from the generated ports.h; the library carries the content
// hash of everything it was built from (MRAMCIM_BUILD_HASH) so that Java refuses a stale one.
#include <cstdint>
#include <memory>
#include <verilated.h>
#include <verilated_vcd_c.h>
#include "Vtop.h"
#include "build_info.h"

#if !defined(MRAMCIM_BUILD_HASH) || !defined(MRAMCIM_BUILD_INFO)
#error "MRAMCIM_BUILD_HASH and MRAMCIM_BUILD_INFO must be defined by the build"
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
};

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

}  // namespace

extern "C" {

const char* mramcim_build_hash() { return MRAMCIM_BUILD_HASH; }

const char* mramcim_build_info() { return MRAMCIM_BUILD_INFO; }

void* mramcim_create(const uint32_t* in, uint32_t* out, int64_t halfPeriodPs) {
    Handle* h = new Handle();
    h->ctx.reset(new VerilatedContext());
    h->ctx->traceEverOn(true);
    h->top.reset(new Vtop(h->ctx.get(), "TOP"));
    h->in = in;
    h->out = out;
    h->halfPeriodPs = halfPeriodPs > 0 ? static_cast<uint64_t>(halfPeriodPs) : 1;
    h->timePs = 0;
    return h;
}

void mramcim_step(void* p) {
    Handle* h = static_cast<Handle*>(p);
    apply_inputs(h->top.get(), h->in);
    cycle(h);
    read_outputs(h->top.get(), h->out);
}

// Settles the combinational logic on the present inputs without a clock edge, so that a test can
// read a block's combinational outputs (a response, a legality flag) in the cycle they apply to.
void mramcim_eval(void* p) {
    Handle* h = static_cast<Handle*>(p);
    apply_inputs(h->top.get(), h->in);
    h->top->eval();
    read_outputs(h->top.get(), h->out);
}

void mramcim_reset(void* p, int32_t cycles) {
    Handle* h = static_cast<Handle*>(p);
    apply_inputs(h->top.get(), h->in);
    h->top->reset = 1;
    for (int32_t i = 0; i < cycles; ++i) cycle(h);
    h->top->reset = 0;
    h->top->clock = 0;
    h->top->eval();
    read_outputs(h->top.get(), h->out);
}

int32_t mramcim_trace_open(void* p, const char* path) {
    Handle* h = static_cast<Handle*>(p);
    if (h->trace) return 1;
    h->trace.reset(new VerilatedVcdC());
    h->top->trace(h->trace.get(), 99);
    h->trace->open(path);
    return h->trace->isOpen() ? 0 : 2;
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
// buffer after every edge, which the Java side compares with the lockstep run it recorded.
uint64_t mramcim_replay(void* p, const uint32_t* frames, int32_t frameWords, int64_t cycles) {
    Handle* h = static_cast<Handle*>(p);
    const int32_t outWords = MRAMCIM_OUTPUT_WORDS;
    uint64_t hash = 14695981039346656037ULL;
    for (int64_t k = 0; k < cycles; ++k) {
        const uint32_t* f = frames + k * frameWords;
        apply_inputs(h->top.get(), f + 1);
        if (f[0] & 1u) {
            h->top->reset = 1;
            cycle(h);
            h->top->reset = 0;
            h->top->clock = 0;
            h->top->eval();
        } else {
            cycle(h);
        }
        read_outputs(h->top.get(), h->out);
        for (int32_t w = 0; w < outWords; ++w) {
            hash = (hash ^ h->out[w]) * 1099511628211ULL;
        }
    }
    return hash;
}

void mramcim_destroy(void* p) {
    Handle* h = static_cast<Handle*>(p);
    mramcim_trace_close(h);
    h->top->final();
    delete h;
}

}  // extern "C"
