import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(__dirname, "..", "..");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("manifest", () => {
	const manifest = readJson(join(root, "manifest.json"));
	test("identity and mobile support", () => {
		expect(manifest).toMatchObject({ id: "conversation-threads", name: "Conversation Threads", isDesktopOnly: false });
	});
	test("description is short and ends with a period", () => {
		const description = String(manifest.description);
		expect(description.length).toBeLessThanOrEqual(250);
		expect(description.endsWith(".")).toBe(true);
	});
	test("versions agree across package.json, manifest.json and versions.json", () => {
		const pkg = readJson(join(root, "package.json"));
		const versions = readJson(join(root, "versions.json"));
		expect(manifest.version).toBe(pkg.version);
		expect(versions[String(manifest.version)]).toBe(manifest.minAppVersion);
	});
});

test("version-bump.mjs writes the new version into manifest.json and versions.json", () => {
	const dir = mkdtempSync(join(tmpdir(), "ct-bump-"));
	copyFileSync(join(root, "version-bump.mjs"), join(dir, "version-bump.mjs"));
	writeFileSync(join(dir, "manifest.json"), JSON.stringify({ id: "conversation-threads", version: "0.1.0", minAppVersion: "1.5.0" }));
	writeFileSync(join(dir, "versions.json"), JSON.stringify({ "0.1.0": "1.5.0" }));
	execFileSync(process.execPath, ["version-bump.mjs"], { cwd: dir, env: { ...process.env, npm_package_version: "0.2.0" } });
	expect(readJson(join(dir, "manifest.json"))).toMatchObject({ version: "0.2.0", minAppVersion: "1.5.0" });
	expect(readJson(join(dir, "versions.json"))).toEqual({ "0.1.0": "1.5.0", "0.2.0": "1.5.0" });
});

test("npm version tags without a v prefix", () => {
	expect(readFileSync(join(root, ".npmrc"), "utf8")).toMatch(/^tag-version-prefix=""$/m);
});
