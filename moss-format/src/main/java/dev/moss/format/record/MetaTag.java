package dev.moss.format.record;

/** What a meta record means. Unknown codes decode as {@link #UNKNOWN}; the raw code is kept. */
public enum MetaTag {
    NAME(1, "Name"),
    ARCHITECTURE(2, "Architecture"),
    VERSION(3, "Version"),
    SUMMARY(4, "Summary"),
    DESCRIPTION(5, "Description"),
    HOMEPAGE(6, "Homepage"),
    SOURCE_ID(7, "SourceID"),
    DEPENDS(8, "Depends"),
    PROVIDES(9, "Provides"),
    CONFLICTS(10, "Conflicts"),
    RELEASE(11, "Release"),
    LICENSE(12, "License"),
    BUILD_RELEASE(13, "BuildRelease"),
    PACKAGE_URI(14, "PackageURI"),
    PACKAGE_HASH(15, "PackageHash"),
    PACKAGE_SIZE(16, "PackageSize"),
    BUILD_DEPENDS(17, "BuildDepends"),
    SOURCE_URI(18, "SourceURI"),
    SOURCE_PATH(19, "SourcePath"),
    SOURCE_REF(20, "SourceRef"),
    UNKNOWN(0xFFFF, "Unknown");

    private static final MetaTag[] BY_CODE = new MetaTag[21];

    static {
        for (MetaTag t : values()) {
            if (t != UNKNOWN) {
                BY_CODE[t.code] = t;
            }
        }
    }

    public final int code;
    public final String displayName;

    MetaTag(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static MetaTag fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
