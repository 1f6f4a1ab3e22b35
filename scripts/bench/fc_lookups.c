/* Counts the font lookups a launch makes (issue 12; bench_app.py's `fonts` mode, font_lookups.py).
 *
 * WebKitGTK resolves each family of a CSS font stack with fontconfig's FcFontMatch, once per
 * size, weight and style drawn, and each call runs fontconfig's whole configuration. Preloaded
 * into the app (LD_PRELOAD; WebKit's processes inherit it), this wraps FcFontMatch and writes one
 * line per call to FC_LOOKUPS_DIR/<pid>-<program>.tsv: milliseconds (monotonic clock), the family asked
 * for (before fontconfig's substitutions), weight, slant, and the family fontconfig answered. The count is exact where timing
 * figures on a small, noisy machine are not. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static FILE *open_log(void) {
  static FILE *out;
  if (out) return out;
  const char *dir = getenv("FC_LOOKUPS_DIR");
  if (!dir) return NULL;
  char name[64] = "unknown";
  FILE *comm = fopen("/proc/self/comm", "r");
  if (comm) {
    if (fscanf(comm, "%63s", name) != 1) name[0] = 0;
    fclose(comm);
  }
  char path[1024];
  snprintf(path, sizeof path, "%s/%d-%s.tsv", dir, (int)getpid(), name);
  out = fopen(path, "a");
  return out;
}

static const char *family_of(FcPattern *p) {
  FcChar8 *family = NULL;
  if (!p || FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch) return "-";
  return (const char *)family;
}

/* The family as the page named it: WebKit runs FcConfigSubstitute on the pattern (which puts a
 * generic's preferred faces first) just before FcFontMatch, on the same thread. */
static __thread char asked[256];

FcBool FcConfigSubstitute(FcConfig *config, FcPattern *pattern, FcMatchKind kind) {
  static FcBool (*real)(FcConfig *, FcPattern *, FcMatchKind);
  if (!real) real = (FcBool(*)(FcConfig *, FcPattern *, FcMatchKind))dlsym(RTLD_NEXT, "FcConfigSubstitute");
  if (kind == FcMatchPattern) snprintf(asked, sizeof asked, "%s", family_of(pattern));
  return real(config, pattern, kind);
}

FcPattern *FcFontMatch(FcConfig *config, FcPattern *pattern, FcResult *result) {
  static FcPattern *(*real)(FcConfig *, FcPattern *, FcResult *);
  if (!real) real = (FcPattern * (*)(FcConfig *, FcPattern *, FcResult *)) dlsym(RTLD_NEXT, "FcFontMatch");
  FcPattern *found = real(config, pattern, result);
  FILE *out = open_log();
  if (out) {
    int weight = -1, slant = -1;
    FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(pattern, FC_SLANT, 0, &slant);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    fprintf(out, "%.3f\t%s\t%d\t%d\t%s\n", now.tv_sec * 1e3 + now.tv_nsec / 1e6, asked[0] ? asked : family_of(pattern),
            weight, slant, family_of(found));
    fflush(out);
  }
  asked[0] = 0;
  return found;
}
