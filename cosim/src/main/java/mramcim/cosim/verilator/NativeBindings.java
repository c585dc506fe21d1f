package mramcim.cosim.verilator;

/**
 * Direct-mapped JNA binding of wrapper.cpp. Never used from this class loader: {@link NativeLoader}
 * defines a private copy of this class per library and registers the library on that copy, because
 * JNA direct mapping binds the native methods of one class to one library.
 */
final class NativeBindings implements NativeApi {

    private static native String mramcim_build_hash();

    private static native String mramcim_build_info();

    private static native long mramcim_create(long in, long out, long halfPeriodPs);

    private static native int mramcim_step(long handle);

    private static native int mramcim_eval(long handle);

    private static native int mramcim_reset(long handle, int cycles);

    private static native String mramcim_halt_message(long handle);

    private static native long mramcim_replay(long handle, long frames, int frameWords, long cycles);

    private static native long mramcim_check(
            long handle, long frames, int frameWords, long expected, long slots, int nSlots, long cycles);

    private static native int mramcim_halt_code(long handle);

    private static native int mramcim_trace_open(long handle, String path);

    private static native void mramcim_trace_close(long handle);

    private static native int mramcim_coverage_write(long handle, String path);

    private static native void mramcim_destroy(long handle);

    @Override
    public String buildHash() {
        return mramcim_build_hash();
    }

    @Override
    public String buildInfo() {
        return mramcim_build_info();
    }

    @Override
    public long create(long in, long out, long halfPeriodPs) {
        return mramcim_create(in, out, halfPeriodPs);
    }

    @Override
    public int step(long handle) {
        return mramcim_step(handle);
    }

    @Override
    public int eval(long handle) {
        return mramcim_eval(handle);
    }

    @Override
    public int reset(long handle, int cycles) {
        return mramcim_reset(handle, cycles);
    }

    @Override
    public String haltMessage(long handle) {
        return mramcim_halt_message(handle);
    }

    @Override
    public long replay(long handle, long frames, int frameWords, long cycles) {
        return mramcim_replay(handle, frames, frameWords, cycles);
    }

    @Override
    public long check(long handle, long frames, int frameWords, long expected, long slots, int nSlots, long cycles) {
        return mramcim_check(handle, frames, frameWords, expected, slots, nSlots, cycles);
    }

    @Override
    public int haltCode(long handle) {
        return mramcim_halt_code(handle);
    }

    @Override
    public int traceOpen(long handle, String path) {
        return mramcim_trace_open(handle, path);
    }

    @Override
    public void traceClose(long handle) {
        mramcim_trace_close(handle);
    }

    @Override
    public int coverageWrite(long handle, String path) {
        return mramcim_coverage_write(handle, path);
    }

    @Override
    public void destroy(long handle) {
        mramcim_destroy(handle);
    }
}
