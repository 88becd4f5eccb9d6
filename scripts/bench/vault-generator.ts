// Deterministic generator of chat2obs (E10) style vaults for the benchmark: conversation notes with frontmatter
// tags, USER/ASSISTANT blocks, code fences holding links, `---` rules, nested title links, merged notes,
// footers, see-also lines, missing exchanges, concept notes (some present, most not) and hand-written notes.

export interface GeneratedNote {
	path: string;
	text: string;
}

export interface GeneratorOptions {
	notes: number;
	seed?: number;
	/** Average number of answer paragraphs (default 4); raises the note size. */
	paragraphs?: number;
}

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(maxExclusive: number): number {
		return Math.floor(this.next() * maxExclusive);
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)] as T;
	}
}

const WORDS = (
	"the a of and to in is that for it as with was on be by this are or from at which an but not have has " +
	"model signal data entropy guidance diffusion prompt gradient layer attention token sample noise energy " +
	"system network weight vector matrix field wave tide spectrum window filter kernel loss training inference " +
	"graph node edge path memory cache index query result value function process state time space order chain " +
	"simple complex random linear small large early later first second useful careful quickly roughly mostly"
).split(" ");

const CONCEPTS = (
	"negative prompting,diffusion models,classifier-free guidance,entropy,markov blanket,free energy," +
	"fourier transform,nyquist frequency,window functions,softmax,attention,transformers,gradient descent," +
	"backpropagation,bayesian inference,kalman filter,information theory,thermodynamics,gauge symmetry," +
	"renormalization,spectral leakage,convolution,eigenvalues,principal component analysis,variational inference," +
	"score matching,langevin dynamics,contrastive learning,tokenization,beam search"
).split(",");

const QUESTION_STARTS = [
	"what is",
	"explain",
	"how does",
	"why do we need",
	"tell me about",
	"compare",
	"i think",
	"can you show code for",
	"what are some tricks with",
	"the history of",
];

const CATEGORIES = ["information-theory", "signal-processing", "machine-learning", "physics", "statistics"];

function sentence(rng: Rng, links: string[]): string {
	const n = 8 + rng.int(14);
	const words: string[] = [];
	for (let i = 0; i < n; i++) {
		if (links.length > 0 && rng.chance(0.06)) words.push(`[[${rng.pick(links)}]]`);
		else words.push(rng.pick(WORDS));
	}
	const s = words.join(" ");
	return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rng: Rng, links: string[]): string {
	const n = 1 + rng.int(4);
	const out: string[] = [];
	for (let i = 0; i < n; i++) out.push(sentence(rng, links));
	return out.join(" ");
}

function codeFence(rng: Rng): string {
	const c = rng.pick(CONCEPTS).replace(/\W+/g, "_");
	return ["```python", `def [[${c}]](x):`, `    # [[${rng.pick(CONCEPTS)}]] inside code is not a link`, "    return x", "```"].join(
		"\n",
	);
}

function answer(rng: Rng, concepts: string[], paragraphs: number): string {
	const blocks: string[] = [];
	if (rng.chance(0.3)) blocks.push(`# ${rng.pick(CONCEPTS)}`);
	const n = 1 + rng.int(paragraphs * 2);
	for (let i = 0; i < n; i++) {
		blocks.push(paragraph(rng, concepts));
		if (rng.chance(0.12)) blocks.push(codeFence(rng));
		if (rng.chance(0.05)) blocks.push("```\nThis block is not supported on your current device yet.\n```");
		if (rng.chance(0.05)) blocks.push("---");
		if (rng.chance(0.03)) blocks.push("Inline `[[not a link]]` code.");
	}
	return blocks.join("\n\n");
}

/** chat2obs E09+ file-name sanitizing. */
export function sanitizeTitle(title: string): string {
	let s = title.replace(/[<>:"/\\|?*[\]]/g, "");
	if (s.toLowerCase().startsWith("the ")) s = s.slice(4);
	return s.slice(0, 200).toLowerCase().trim();
}

/** The generator wraps known titles in [[ ]], even inside a link being written. */
function wikilinkify(title: string, concepts: readonly string[]): string {
	for (const c of concepts) {
		const at = title.indexOf(c);
		if (at >= 0 && title !== c) return `${title.slice(0, at)}[[${c}]]${title.slice(at + c.length)}`;
	}
	return title;
}

function foldTitle(title: string): string {
	if (title.length <= 80) return title;
	const cut = title.lastIndexOf(" ", 80);
	if (cut <= 0) return title;
	return `${title.slice(0, cut)}\n  ${title.slice(cut + 1)}`;
}

function hex(rng: Rng, n: number): string {
	let s = "";
	for (let i = 0; i < n; i++) s += "0123456789abcdef"[rng.int(16)];
	return s;
}

function uuid(rng: Rng): string {
	return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-8${hex(rng, 3)}-${hex(rng, 12)}`;
}

interface Exchange {
	title: string;
	file: string;
	msgIds: string[];
	date: number;
}

function frontmatter(rng: Rng, source: string, conv: string, ex: Exchange, category: string | null, extraParts: Exchange[]): string {
	const date = source === "claude" ? `'${new Date(ex.date * 1000).toISOString().replace("Z", "000Z")}'` : `${ex.date}.0`;
	const tags = ["- autogenerated", `- source__${source}`, `- conversation_id__${conv}`, ...ex.msgIds.map((m) => `- msg_${m}`)];
	for (const p of extraParts) {
		tags.push("- autogenerated", `- source__${source}`, `- conversation_id__${conv}`, ...p.msgIds.map((m) => `- msg_${m}`));
	}
	if (category !== null) tags.push(`- colorclass/${category}`);
	void rng;
	return `---\ndate: ${date}\ntags:\n${tags.join("\n")}\ntitle: ${foldTitle(ex.title)}\n---\n`;
}

function footer(prev: string | null, next: string | null, seeAlso: string[], concepts: readonly string[]): string {
	if (prev === null && next === null && seeAlso.length === 0) return "";
	const lines = ["\n\n---\n"];
	if (prev !== null) lines.push(`preceding: [[${wikilinkify(prev, concepts)}]]  \n`);
	if (next !== null) lines.push(`\nfollowing: [[${wikilinkify(next, concepts)}]]`);
	for (const s of seeAlso) lines.push(`\n\nSee also: [[${s}]]`);
	return lines.join("\n");
}

function body(rng: Rng, ex: Exchange, concepts: string[], paragraphs: number): string {
	const parts: string[] = [];
	parts.push(`**USER**\n\n${ex.title.charAt(0).toUpperCase()}${ex.title.slice(1)}`);
	if (rng.chance(0.1)) parts.push(`\n\n\n**ASSISTANT**\n\n${paragraph(rng, concepts)}\n\n\n**USER**\n\ncontinue`);
	parts.push(`\n\n\n**ASSISTANT**\n\n${answer(rng, concepts, paragraphs)}`);
	return parts.join("");
}

/** Generates `options.notes` notes (exactly), deterministic for a seed. */
export function generateVault(options: GeneratorOptions): GeneratedNote[] {
	const rng = new Rng(options.seed ?? 1);
	const paragraphs = options.paragraphs ?? 4;
	const out: GeneratedNote[] = [];
	const used = new Set<string>();
	// A few concept notes exist; most concept links stay unresolved.
	const presentConcepts = CONCEPTS.filter((_, i) => i % 4 === 0);
	for (const c of presentConcepts) {
		if (out.length >= options.notes) break;
		out.push({ path: `Concepts/${c}.md`, text: `---\ntags:\n- concept\n---\n\n# ${c}\n\n${paragraph(rng, CONCEPTS)}\n` });
		used.add(c);
	}
	let conv = 0;
	let clock = 1_700_000_000;
	while (out.length < options.notes) {
		conv++;
		const source = rng.chance(0.5) ? "claude" : "oai";
		const convId = source === "claude" ? uuid(rng) : `oai-${conv}-${hex(rng, 6)}`;
		const folder = `Chats/${source}/${2023 + (conv % 3)}-${String(1 + (conv % 12)).padStart(2, "0")}`;
		const length = Math.min(1 + rng.int(12), options.notes - out.length);
		const category = rng.chance(0.4) ? rng.pick(CATEGORIES) : null;
		const exchanges: Exchange[] = [];
		for (let i = 0; i < length; i++) {
			let title = `${rng.pick(QUESTION_STARTS)} ${rng.pick(CONCEPTS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
			if (rng.chance(0.05)) title += ` ${paragraph(rng, [])}`.toLowerCase().replace(/\./g, "");
			let file = sanitizeTitle(title);
			while (used.has(file)) file = `${file} ${conv}`;
			used.add(file);
			clock += 30 + rng.int(600);
			exchanges.push({ title: title.toLowerCase(), file, msgIds: [uuid(rng), uuid(rng)], date: clock });
		}
		// Some exchanges are never written (E05-E08 kept only the last same-title one): neighbours link to nothing.
		const missing = new Set<number>();
		if (length > 2 && rng.chance(0.1)) missing.add(1 + rng.int(length - 2));
		// Some notes hold a merged same-title continuation: one more part, linking to itself.
		for (let i = 0; i < exchanges.length && out.length < options.notes; i++) {
			if (missing.has(i)) continue;
			const ex = exchanges[i] as Exchange;
			const prev = i > 0 ? (exchanges[i - 1] as Exchange).file : null;
			const next = i + 1 < exchanges.length ? (exchanges[i + 1] as Exchange).file : null;
			const seeAlso = rng.chance(0.15) ? [rng.pick(CONCEPTS)] : [];
			const merged = rng.chance(0.04);
			const extra: Exchange[] = merged ? [{ ...ex, msgIds: [uuid(rng), uuid(rng)] }] : [];
			let text = frontmatter(rng, source, convId, ex, category, extra);
			text += `\n\n${body(rng, ex, CONCEPTS, paragraphs)}`;
			if (merged) {
				text += footer(prev, ex.file, [], CONCEPTS);
				text += "\n\n\n---\n\n";
				text += body(rng, ex, CONCEPTS, paragraphs);
				text += footer(ex.file, next, seeAlso, CONCEPTS);
			} else {
				text += footer(prev, next, seeAlso, CONCEPTS);
			}
			if (rng.chance(0.02)) text = text.replace(/\n/g, "\r\n");
			out.push({ path: `${folder}/${ex.file}.md`, text });
		}
		// A hand-written note now and then.
		if (out.length < options.notes && rng.chance(0.08)) {
			const day = new Date(clock * 1000).toISOString().slice(0, 10);
			let name = `Journal/${day}`;
			while (used.has(name)) name += "b";
			used.add(name);
			const first = exchanges[0] as Exchange;
			out.push({ path: `${name}.md`, text: `Notes on [[${first.file}]] and [[${rng.pick(CONCEPTS)}]].\n\n${paragraph(rng, CONCEPTS)}\n` });
		}
	}
	return out;
}

/** A small edit of a generated note: one more sentence before the footer (keeps the links). */
export function editNote(text: string, rng: Rng): string {
	const at = text.indexOf("\n\n---\n\npreceding");
	const addition = `\n\nEdited: ${sentence(rng, CONCEPTS)}`;
	return at >= 0 ? `${text.slice(0, at)}${addition}${text.slice(at)}` : `${text}${addition}\n`;
}

export type HugeKind = "realistic" | "open-brackets" | "close-brackets";

/** One hostile/huge note of about `bytes` characters. */
export function hugeNote(bytes: number, kind: HugeKind, seed = 7): string {
	const rng = new Rng(seed);
	const head =
		"---\ndate: '2025-06-22T07:55:23.386038Z'\ntags:\n- autogenerated\n- source__claude\n- conversation_id__huge\ntitle: huge\n---\n\n**USER**\n\nhuge\n\n**ASSISTANT**\n\n";
	const chunks: string[] = [head];
	let size = head.length;
	while (size < bytes) {
		let chunk: string;
		if (kind === "realistic") {
			chunk = `${answer(rng, CONCEPTS, 2)}\n\n`;
			if (rng.chance(0.1)) chunk += `[[i think [[${rng.pick(CONCEPTS)}]] predates [[${rng.pick(CONCEPTS)}]]]]\n\n`;
		} else if (kind === "open-brackets") {
			chunk = `${"[[".repeat(64)} ${rng.pick(WORDS)} [[[[x ${"[".repeat(33)}\n`;
		} else {
			chunk = `${"]]".repeat(64)} ${rng.pick(WORDS)} ]]]] [[y]]]] ${"]".repeat(33)}\n`;
		}
		chunks.push(chunk);
		size += chunk.length;
	}
	chunks.push("\n\n---\n\npreceding: [[a]]  \n\n\nfollowing: [[b]]\n");
	return chunks.join("");
}
