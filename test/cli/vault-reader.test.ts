import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { checkVaultRoot, decodeNote, readVault } from "../../src/cli/vault-reader";
import { tempVault } from "./temp-vault";

describe("decodeNote", () => {
	it("decodes UTF-8 text (non-ASCII kept, byte order mark dropped)", () => {
		expect(decodeNote(Buffer.from("\ufeffcafé [[x]]", "utf8"))).toEqual({ ok: true, text: "café [[x]]" });
	});
	it("refuses NUL bytes and invalid UTF-8", () => {
		expect(decodeNote(Buffer.from([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, code: "binary-content" });
		expect(decodeNote(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toMatchObject({ ok: false, code: "binary-content" });
	});
});

describe("readVault", () => {
	it("walks folders in path order, skips dot-folders and dot-files, keeps attachments apart", () => {
		const dir = tempVault({
			"b.md": "b",
			"a/z.md": "z",
			"a/img.png": new Uint8Array([0x89, 0x50, 0x00]),
			".obsidian/workspace.md": "hidden",
			".trash/old.md": "hidden",
			"a/.hidden.md": "hidden",
			"UPPER.MD": "upper",
		});
		const read = readVault(dir);
		expect(read.notes.map((n) => n.path)).toEqual(["UPPER.MD", "a/z.md", "b.md"]);
		expect(read.attachments).toEqual(["a/img.png"]);
		expect(read.problems).toEqual([]);
		expect(read.fileCount).toBe(4);
	});

	it("turns binary and invalid UTF-8 notes into problems and keeps going", () => {
		const dir = tempVault({
			"good.md": "[[x]]",
			"nul.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x00, 0x0a]),
			"latin1.md": new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
		});
		const read = readVault(dir);
		expect(read.notes.map((n) => n.path)).toEqual(["good.md"]);
		expect(read.problems.map((p) => `${p.path} ${p.code}`)).toEqual(["latin1.md binary-content", "nul.md binary-content"]);
		expect(read.fileCount).toBe(3);
	});

	it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("reports an unreadable note", () => {
		const dir = tempVault({ "locked.md": "x", "ok.md": "y" });
		fs.chmodSync(path.join(dir, "locked.md"), 0o000);
		const read = readVault(dir);
		expect(read.problems.map((p) => `${p.path} ${p.code}`)).toEqual(["locked.md unreadable"]);
	});
});

describe("checkVaultRoot", () => {
	it("explains a missing path and a file given as vault", () => {
		const dir = tempVault({ "a.md": "a" });
		expect(checkVaultRoot(dir)).toBeNull();
		expect(checkVaultRoot(path.join(dir, "nope"))).toMatch(/^vault not found: /);
		expect(checkVaultRoot(path.join(dir, "a.md"))).toMatch(/^not a folder: /);
	});
});
