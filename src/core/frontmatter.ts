// Reads one frontmatter block: the generator's plain shapes directly (plain-yaml.ts, checked against
// gray-matter by a property test), everything else with gray-matter (YAML and JSON only). When the YAML
// is invalid, a forgiving line reader salvages the keys this plugin needs, so that nothing is lost.
import matter from "gray-matter";
import type { Diagnostic } from "./note-record";
import { readPlainYaml } from "./plain-yaml";

const refuse = (language: string) => () => {
	throw new Error(`Front matter in ${language} is never run`);
};

/**
 * Always an options object: without one gray-matter caches every input forever. The engine table
 * replaces the JavaScript/CoffeeScript engines, so `---js` front matter can never be evaluated (the
 * plugin bundle also drops gray-matter's eval engine at build time).
 */
const MATTER_OPTIONS = Object.freeze({
	language: "yaml",
	engines: { js: refuse("js"), javascript: refuse("javascript"), coffee: refuse("coffee"), coffeescript: refuse("coffeescript"), cson: refuse("cson") },
});

const SAFE_LANGUAGES = new Set(["", "yaml", "yml", "json"]);
/** Shared by every block read without a problem (frozen: never modified). */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

export interface FrontmatterResult {
	data: Record<string, unknown>;
	diagnostics: Diagnostic[];
}

interface YamlError {
	reason?: string;
	message?: string;
	mark?: { line?: number };
}

/**
 * `language` is the text after the opening `---`; `body` the lines between the fences, joined by `\n`
 * (or `text[from, to)`: the note and the bounds of those lines); `fenceLine` the 1-based line of the
 * opening fence.
 */
export function readFrontmatter(language: string, text: string, fenceLine: number, from = 0, to = text.length): FrontmatterResult {
	const lang = language === "" ? "" : language.trim().toLowerCase();
	if (lang !== "" && !SAFE_LANGUAGES.has(lang)) {
		return {
			data: {},
			diagnostics: [
				{
					code: "frontmatter-language",
					severity: "error",
					message: `Front matter marked as "${language.trim()}" was not read: only YAML and JSON are, and note text is never run.`,
					line: fenceLine,
				},
			],
		};
	}
	if (lang !== "json") {
		const plain = readPlainYaml(text, from, to);
		if (plain !== null) return { data: plain, diagnostics: NO_DIAGNOSTICS };
	}
	const body = from === 0 && to === text.length ? text : text.slice(from, to);
	try {
		const parsed = matter(`---${lang}\n${body}\n---\n`, MATTER_OPTIONS);
		const data: unknown = parsed.data;
		if (data === null || typeof data !== "object" || Array.isArray(data)) {
			return {
				data: {},
				diagnostics: [{ code: "frontmatter-not-mapping", severity: "warning", message: "Front matter is not a list of keys and values.", line: fenceLine }],
			};
		}
		return { data: data as Record<string, unknown>, diagnostics: [] };
	} catch (error) {
		const yamlError = error as YamlError;
		const line = typeof yamlError.mark?.line === "number" ? fenceLine + yamlError.mark.line : fenceLine;
		const reason = yamlError.reason ?? String(yamlError.message ?? error).split("\n")[0];
		return {
			data: salvageFrontmatter(body),
			diagnostics: [
				{
					code: "yaml-invalid",
					severity: "error",
					message: `Invalid front matter (${reason}); title, date and tags were read line by line instead.`,
					line,
				},
			],
		};
	}
}

/** Strips one pair of matching outer quotes, keeping whatever stands inside (even unescaped quotes). */
function unquote(text: string): string {
	const value = text.trim();
	if (value.length >= 2) {
		const first = value[0];
		if ((first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
	}
	return value;
}

function flowList(text: string): string[] {
	return text
		.slice(1, -1)
		.split(",")
		.map((item) => unquote(item))
		.filter((item) => item !== "");
}

/**
 * Reads `key: value`, folded continuation lines, block lists (`- item`) and flow lists (`[a, b]`),
 * the shapes the generator writes, from YAML that a strict parser refused.
 */
export function salvageFrontmatter(body: string): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	let key: string | null = null;
	for (const line of body.split("\n")) {
		const keyMatch = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
		if (keyMatch) {
			key = keyMatch[1] ?? null;
			const value = (keyMatch[2] ?? "").trim();
			if (key === null) continue;
			if (value === "") data[key] = null;
			else if (value.startsWith("[") && value.endsWith("]")) data[key] = flowList(value);
			else data[key] = unquote(value);
			continue;
		}
		if (key === null) continue;
		const item = /^\s*-\s+(.*)$/.exec(line);
		const current = data[key];
		if (item) {
			const list = Array.isArray(current) ? (current as unknown[]) : [];
			list.push(unquote(item[1] ?? ""));
			data[key] = list;
		} else if (/^\s+\S/.test(line) && typeof current === "string") {
			data[key] = `${current} ${line.trim()}`;
		}
	}
	return data;
}
