// Throwaway vault folders for scanner tests, removed after each test.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";

const temps: string[] = [];

afterEach(() => {
	for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempVault(files: Record<string, string | Uint8Array>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-cli-"));
	temps.push(dir);
	for (const [rel, content] of Object.entries(files)) {
		const abs = path.join(dir, rel);
		fs.mkdirSync(path.dirname(abs), { recursive: true });
		fs.writeFileSync(abs, content);
	}
	return dir;
}
