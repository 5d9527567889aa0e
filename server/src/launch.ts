/**
 * How the language server's process is started, by the extension and by the benchmark alike.
 *
 * The server keeps each open programme's tree, model and schedule, and every edit replaces a
 * copy of the whole text: at 20,000 slots that is about 6 MB of garbage per keystroke. Left
 * to its defaults, V8 lets the heap grow to several times what is live before it collects, and
 * glibc keeps the big buffers of large messages (a whole schedule is 13 MB of JSON) after they
 * are freed. These settings keep the process near what it uses:
 * - `--max-semi-space-size=4`: a young generation of 8 MB instead of up to 32;
 * - `--heap-growing-percent=40`: the next full collection when the heap has grown by 40%
 *   over what the last one kept, instead of up to four times it;
 * - `MALLOC_MMAP_THRESHOLD_`: buffers over 64 KB are mapped on their own and given back to the
 *   system when freed (glibc; ignored elsewhere).
 */
export const SERVER_LAUNCH: { readonly execArgv: readonly string[]; readonly env: Readonly<Record<string, string>> } = {
  execArgv: ['--max-semi-space-size=4', '--heap-growing-percent=40'],
  env: { MALLOC_MMAP_THRESHOLD_: '65536' },
};
