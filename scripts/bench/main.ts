// The benchmark: `npm run bench` (builds dist/bench.js and runs it). Prints figures and ratios; asserts nothing.
// Options: --quick (small sizes, for checking the script), --sizes=1000,10000 (index vault sizes),
// --only=parser|index. Heap figures need global.gc: the script re-runs itself with --expose-gc when it is missing.
// Each index size runs in a child process of its own (see index-bench.ts), and each heap figure in another.
import { spawnSync } from "node:child_process";
import { runHeapChild } from "./heap-bench";
import { benchIndex, runIndexChild } from "./index-bench";
import { log, options } from "./options";
import { benchHuge, benchParser } from "./parser-bench";

function main(): void {
	const argv = process.argv.slice(2);
	if (runHeapChild(argv)) return;
	if (typeof (globalThis as { gc?: unknown }).gc !== "function" && !argv.includes("--no-respawn")) {
		const script = process.argv[1] as string;
		const child = spawnSync(process.execPath, ["--expose-gc", script, ...argv, "--no-respawn"], { stdio: "inherit" });
		process.exitCode = child.status ?? 1;
		return;
	}
	const opts = options(argv);
	if (runIndexChild(argv, opts)) return;
	const started = Date.now();
	log(`# Conversation Threads benchmark (node ${process.version}, ${process.platform}/${process.arch}${opts.quick ? ", quick" : ""})`);
	if (typeof (globalThis as { gc?: unknown }).gc !== "function") log("(no global.gc: heap figures are rough)");
	log();
	if (opts.only !== "index") {
		benchParser(opts);
		benchHuge(opts);
	}
	if (opts.only !== "parser") benchIndex(opts);
	log(`Total bench time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
