import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		// The obsidian npm package ships types only; tests run the adapter against a small stand-in.
		alias: { obsidian: fileURLToPath(new URL("./test/obsidian-stub/obsidian.ts", import.meta.url)) },
	},
	test: {
		include: ["test/**/*.test.ts"],
		exclude: ["test/browser/**", "node_modules/**"],
		testTimeout: 60_000,
	},
});
