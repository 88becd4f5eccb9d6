// Benchmark options and output helper.

export interface Options {
	quick: boolean;
	parserNotes: number;
	sizes: number[];
	updates: number;
	hugeSizes: number[];
	/** Run only one part: parser (a, b) or index (c). */
	only: "parser" | "index" | null;
}

export function options(argv: readonly string[]): Options {
	const quick = argv.includes("--quick");
	const sizesArg = argv.find((a) => a.startsWith("--sizes="));
	const sizes = sizesArg
		? sizesArg
				.slice("--sizes=".length)
				.split(",")
				.map((s) => Number(s))
				.filter((n) => n > 0)
		: quick
			? [1000, 5000]
			: [1000, 10_000, 50_000];
	return {
		quick,
		parserNotes: quick ? 2000 : 10_000,
		sizes,
		updates: quick ? 50 : 200,
		hugeSizes: quick ? [250_000, 2_000_000] : [1_000_000, 8_000_000],
		only: argv.includes("--only=parser") ? "parser" : argv.includes("--only=index") ? "index" : null,
	};
}

export function log(text = ""): void {
	process.stdout.write(`${text}\n`);
}

export function mb(bytes: number): string {
	return `${(bytes / 1_000_000).toFixed(bytes < 1_000_000 ? 2 : 0)} MB`;
}

