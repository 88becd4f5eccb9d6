// The real-browser test: Node drives Debian's Chromium (/usr/bin/chromium) through playwright-core.
// Run with `npx vitest run --config vitest.browser.config.mts` (the default config excludes test/browser/**).
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/browser/**/*.browser.test.ts"],
		environment: "node",
		testTimeout: 60_000,
		hookTimeout: 90_000,
		// One browser, one file: no point in parallel workers.
		fileParallelism: false,
	},
});
