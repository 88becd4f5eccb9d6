// Instruction counts of the parser and the index, for comparing two versions of the code: wall-clock time on a
// shared 2-core VM varies by a third from one minute to the next, a count of instructions by about a percent
// when the machine is busy and much less when it is idle. Counted by valgrind's callgrind, with V8 in predictable mode (no background threads, a fixed
// garbage collection schedule, fixed hash and random seeds), on 2,000 generated notes held in memory.
//
//   npm run bench:instructions -- [parse|build|all]     (needs valgrind and callgrind_annotate on the PATH)
//
// parse: parseNote on every note; build: a new ThreadIndex set with every note; all: build, then threads().
// A round's figure is (8 rounds - 5 rounds) / 3: V8 keeps re-optimizing code through about the fifth round,
// and what one process costs to start cancels out. Printed in three parts: JavaScript and the runtime, then
// with the garbage collector, then with V8's optimizing compiler (which predictable mode runs on the main
// thread). Compare like with like, with the same node: the figures are not times.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseNote } from "../../src/core/note-parser";
import { ThreadIndex } from "../../src/core/thread-index";
import { generateVault } from "./vault-generator";

type Mode = "parse" | "build" | "all";
const MODES: readonly Mode[] = ["parse", "build", "all"];
const NOTES = 2000;
const FEW_ROUNDS = 5;
const MORE_ROUNDS = 8;
const V8_FLAGS = ["--predictable", "--predictable-gc-schedule", "--no-memory-reducer", "--hash-seed=1", "--random-seed=1"];

/** The measured work, run in the child under valgrind. Returns a sum so that nothing is optimized away. */
function work(mode: Mode, rounds: number): number {
	const notes = generateVault({ notes: NOTES, seed: 2023 });
	let sum = 0;
	for (let r = 0; r < rounds; r++) {
		if (mode === "parse") {
			for (const n of notes) sum += parseNote(n.path, n.text).links.length;
			continue;
		}
		const index = new ThreadIndex();
		for (const n of notes) index.set(n.path, n.text);
		sum += mode === "all" ? index.threads().length : index.size;
	}
	return sum;
}

/** Function names that belong to the garbage collector or to the optimizing compiler (V8 internals). */
const GC = /Scaveng|Marking|MarkCompact|Sweep|Evacuat|heap::|Heap::|IteratePointers|RecordMigrated|Remembered|SlotSet|GCTracer|Compactor|Mark[A-Z]/;
const COMPILER = /compiler::|[Mm]aglev|Turbofan|TurboFan|OptimizedCompilationJob|Pipeline|InstructionSelector|RegisterAllocator|LiveRange/;

interface Count {
	total: number;
	gc: number;
	compiler: number;
}

function run(command: string, args: readonly string[]): string {
	const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28 });
	if (result.error !== undefined) throw result.error;
	if (result.status !== 0) throw new Error(`${command} exited with ${result.status}: ${result.stderr.slice(-400)}`);
	return result.stdout;
}

function count(mode: Mode, rounds: number, dir: string): Count {
	const out = path.join(dir, `callgrind.${mode}.${rounds}.out`);
	run("valgrind", ["--tool=callgrind", "--smc-check=all-non-file", `--callgrind-out-file=${out}`, process.execPath, ...V8_FLAGS, __filename, "--child", mode, String(rounds)]);
	const report = run("callgrind_annotate", ["--threshold=100", out]);
	const c: Count = { total: 0, gc: 0, compiler: 0 };
	for (const line of report.split("\n")) {
		const m = /^\s*([\d,]+) \(/.exec(line);
		if (m === null) continue;
		const n = Number((m[1] as string).replace(/,/g, ""));
		if (line.includes("PROGRAM TOTALS")) c.total = n;
		else if (COMPILER.test(line)) c.compiler += n;
		else if (GC.test(line)) c.gc += n;
	}
	return c;
}

function millions(n: number): string {
	return `${(n / 1e6).toFixed(1)}M`;
}

function main(argv: readonly string[]): void {
	if (argv[0] === "--child") {
		process.stdout.write(`${work(argv[1] as Mode, Number(argv[2]))}\n`);
		return;
	}
	const modes = argv.length === 0 ? MODES : argv.filter((a): a is Mode => (MODES as readonly string[]).includes(a));
	if (modes.length === 0) throw new Error(`modes: ${MODES.join(", ")}`);
	if (spawnSync("valgrind", ["--version"]).error !== undefined) {
		process.stderr.write("valgrind is not installed (apt-get install valgrind)\n");
		process.exitCode = 2;
		return;
	}
	const dir = mkdtempSync(path.join(tmpdir(), "ct-instructions-"));
	try {
		process.stdout.write(`Instructions a round of ${NOTES} generated notes (node ${process.version}):\n`);
		for (const mode of modes) {
			const few = count(mode, FEW_ROUNDS, dir);
			const more = count(mode, MORE_ROUNDS, dir);
			const perRound = (pick: (c: Count) => number): number => (pick(more) - pick(few)) / (MORE_ROUNDS - FEW_ROUNDS);
			const js = perRound((c) => c.total - c.gc - c.compiler);
			const withGc = perRound((c) => c.total - c.compiler);
			const all = perRound((c) => c.total);
			process.stdout.write(`  ${mode.padEnd(5)}  JavaScript and runtime ${millions(js)}, + GC ${millions(withGc)}, + optimizing compiler ${millions(all)}\n`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main(process.argv.slice(2));
