import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of moss-cli, run as {@code java UpgradeClassFiles.java JAR...}: rewrites, in place,
 * the class files of each jar that are older than Java 6 (major version below 50) as Java 8 class
 * files with stack maps.
 *
 * <p>Why: the JDK's AOT cache cannot hold such classes ("Old class has been linked"), nor our
 * classes that implement their interfaces. picocli 4.7 is compiled for Java 5, so without this
 * its ~170 classes are read from the jar and checked by the old type-inferring verifier at every
 * start of moss. The code of every method stays as it is; {@code java.lang.classfile} only adds
 * the stack maps, and its verifier checks each rewritten class before the jar is replaced. A jar
 * with no old class is left untouched, time stamp included (the launcher's AOT cache depends on it).
 */
public final class UpgradeClassFiles {
    private static final int OLDEST_MODERN = 50;

    public static void main(String[] args) throws IOException {
        for (String jar : args) {
            upgrade(Path.of(jar));
        }
    }

    private static void upgrade(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        if (entries.keySet().stream().anyMatch(n -> n.startsWith("META-INF/") && n.endsWith(".SF"))) {
            throw new IOException(jar + ": signed jar; rewriting it would break the signature");
        }
        ClassHierarchyResolver ownClasses = ClassHierarchyResolver.ofResourceParsing(desc -> {
            String s = desc.descriptorString();
            byte[] b = entries.get(s.substring(1, s.length() - 1) + ".class");
            return b == null ? null : new ByteArrayInputStream(b);
        });
        ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(ownClasses.orElse(ClassHierarchyResolver.defaultResolver())));
        ClassTransform toJava8 = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen((builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                        builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                    } else {
                        builder.with(element);
                    }
                });
        int upgraded = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().endsWith(".class") || e.getKey().startsWith("META-INF/")) {
                continue;
            }
            ClassModel model = cf.parse(e.getValue());
            if (model.majorVersion() >= OLDEST_MODERN) {
                continue;
            }
            byte[] rewritten = cf.transformClass(model, toJava8);
            List<VerifyError> errors = cf.verify(rewritten);
            if (!errors.isEmpty()) {
                throw new IOException(jar + ": " + e.getKey() + " does not verify after rewriting: " + errors.getFirst());
            }
            e.setValue(rewritten);
            upgraded++;
        }
        if (upgraded == 0) {
            return;
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(jar.getFileName() + ": " + upgraded + " classes rewritten as Java 8 class files");
    }
}
