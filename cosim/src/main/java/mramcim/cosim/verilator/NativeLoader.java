package mramcim.cosim.verilator;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads a built library and checks that it is the one asked for before anyone can step it. */
public final class NativeLoader {

    private static final String BINDINGS = NativeBindings.class.getName();
    private static final Map<String, NativeApi> LOADED = new ConcurrentHashMap<>();
    private static final int RTLD_NOW_LOCAL = 2;

    private NativeLoader() {}

    /**
     * Loads {@code build.library()} (once per JVM and path) and returns its API.
     *
     * @throws LibraryMismatchException if the library reports another content hash than {@code
     *     build.hash()}: it is stale or was built for another configuration, and is refused
     */
    public static NativeApi load(NativeBuild build) {
        if (!Files.isRegularFile(build.library())) {
            throw new IllegalStateException("native library for "
                    + build.describe()
                    + " missing at "
                    + build.library()
                    + ": build it with NativeBuilder (the Maven build or scripts/mramcim do)");
        }
        String key = build.library().toAbsolutePath().toString();
        NativeApi api = LOADED.get(key);
        if (api == null) {
            checkFile(build);
            api = LOADED.computeIfAbsent(key, k -> bind(k));
        }
        String found = api.buildHash();
        if (!found.equals(build.hash())) {
            throw new LibraryMismatchException("refusing native library "
                    + build.library()
                    + ": it was built for '"
                    + api.buildInfo()
                    + "' but "
                    + build.describe()
                    + " is wanted (hash "
                    + build.hash()
                    + "). The library is stale or belongs to another configuration. Fix: delete it and let"
                    + " NativeBuilder rebuild it (scripts/mramcim and the Maven build do), or remove the cache "
                    + build.library().getParent().getParent());
        }
        return api;
    }

    /**
     * Before a library is mapped: its bytes must have the SHA-256 the builder recorded. A truncated
     * or overwritten file would otherwise be mapped and crash the JVM (SIGBUS) at its first call.
     */
    private static void checkFile(NativeBuild build) {
        if (build.libraryDigest() == null) {
            throw new IllegalStateException("native library for "
                    + build.describe()
                    + " at "
                    + build.library()
                    + " has no verified digest: obtain builds from NativeBuilder");
        }
        String found = NativeBuilder.fileDigest(build.library());
        if (!found.equals(build.libraryDigest())) {
            throw new LibraryMismatchException("refusing native library "
                    + build.library()
                    + ": its SHA-256 "
                    + found
                    + " is not the "
                    + build.libraryDigest()
                    + " recorded when "
                    + build.describe()
                    + " was built:"
                    + " the file is damaged, truncated or another library. Fix: delete "
                    + build.library().getParent()
                    + " and let NativeBuilder rebuild it (scripts/mramcim and the Maven build do)");
        }
    }

    private static NativeApi bind(String path) {
        try {
            Class<?> cls = new IsolatingLoader(NativeLoader.class.getClassLoader()).loadClass(BINDINGS);
            // RTLD_NOW | RTLD_LOCAL: fail at load rather than at the first call, and keep this
            // library's
            // symbols out of the global namespace that later libraries would otherwise bind to.
            NativeLibrary lib = NativeLibrary.getInstance(path, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW_LOCAL));
            Native.register(cls, lib);
            var ctor = cls.getDeclaredConstructor();
            ctor.setAccessible(true);
            return (NativeApi) ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + path, e);
        }
    }

    /** Defines its own copy of {@link NativeBindings}; everything else comes from the parent. */
    private static final class IsolatingLoader extends ClassLoader {

        IsolatingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(BINDINGS)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String res = "/" + name.replace('.', '/') + ".class";
                    try (InputStream in = NativeLoader.class.getResourceAsStream(res)) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return c;
            }
        }
    }
}
