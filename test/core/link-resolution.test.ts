import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkResolver, lookupKeys, nameKey, sanitizeTitle } from "../../src/core/link-resolution";
import { isOwnKey, keyLengthFloor } from "../../src/core/link-keys";

describe("sanitizeTitle", () => {
	it("follows the generator's file naming", () => {
		expect(sanitizeTitle("What is negative prompting?")).toBe("what is negative prompting");
		expect(sanitizeTitle("The the Beatles and stuff")).toBe("the beatles and stuff");
		expect(sanitizeTitle('say "hi" <now>: a/b\\c|d*e[f]')).toBe("say hi now abcdef");
		expect(sanitizeTitle("> Negative prompting tells a diffusion model what to avoid.")).toBe("negative prompting tells a diffusion model what to avoid.");
		expect(sanitizeTitle("C# tips (part 2), 'quoted'  ^x")).toBe("c# tips (part 2), 'quoted'  ^x");
		expect(sanitizeTitle("x".repeat(250))).toHaveLength(200);
		expect(sanitizeTitle("Théorie   ")).toBe("théorie");
	});
});

function resolver(paths: string[], convs: Record<string, string[]> = {}): LinkResolver {
	const r = new LinkResolver((p) => convs[p] ?? []);
	for (const p of paths) r.addNote(p);
	return r;
}
const from = (path: string, conversationIds: string[] = []) => ({ path, conversationIds });

describe("LinkResolver", () => {
	it("resolves like Obsidian: case-insensitive name, optional .md, vault paths and path suffixes", () => {
		const r = resolver(["a/Negative Prompting.md", "b/deep/Note.md", "root.md"]);
		expect(r.resolve("negative prompting", from("x.md"))).toBe("a/Negative Prompting.md");
		expect(r.resolve("NEGATIVE PROMPTING.md", from("x.md"))).toBe("a/Negative Prompting.md");
		expect(r.resolve("b/deep/note", from("x.md"))).toBe("b/deep/Note.md");
		expect(r.resolve("B/Deep/Note.md", from("x.md"))).toBe("b/deep/Note.md");
		expect(r.resolve("deep/note", from("x.md"))).toBe("b/deep/Note.md");
		expect(r.resolve("eep/note", from("x.md"))).toBeNull();
		expect(r.resolve("root|alias", from("x.md"))).toBe("root.md");
		expect(r.resolve("root#Heading", from("x.md"))).toBe("root.md");
		expect(r.resolve("", from("root.md"))).toBe("root.md");
		expect(r.resolve("nothing here", from("x.md"))).toBeNull();
	});
	it("resolves what Obsidian cannot: raw titles, underscores, a doubled `the`", () => {
		const r = resolver(["e00/What_is_negative_prompting?.md", "e02/What_is_it.md", "e10/beatles and stuff.md", "e05/ negative prompting tells.md"]);
		expect(r.resolve("What is negative prompting?", from("x.md"))).toBe("e00/What_is_negative_prompting?.md");
		expect(r.resolve("What is it?", from("x.md"))).toBe("e02/What_is_it.md");
		expect(r.resolve("the beatles and stuff", from("x.md"))).toBe("e10/beatles and stuff.md");
		expect(r.resolve("> Negative prompting tells", from("x.md"))).toBe("e05/ negative prompting tells.md");
	});
	it("breaks ties: shared conversation, then same folder, then shortest path, then alphabetical", () => {
		const convs = { "z/long/folder/summary.md": ["c1"], "y/summary.md": ["c2"] };
		const r = resolver(["z/long/folder/summary.md", "y/summary.md", "x/summary.md", "w/summary.md"], convs);
		expect(r.resolve("summary", from("q/n.md", ["c1"]))).toBe("z/long/folder/summary.md");
		expect(r.resolve("summary", from("y/n.md", []))).toBe("y/summary.md");
		expect(r.resolve("summary", from("q/n.md", []))).toBe("w/summary.md");
		r.removeNote("w/summary.md");
		expect(r.resolve("summary", from("q/n.md", []))).toBe("x/summary.md");
	});
	it("resolves attachments by file name and path", () => {
		const r = resolver(["note.md"]);
		r.addAttachment("assets/Image.PNG");
		expect(r.resolve("image.png", from("note.md"))).toBe("assets/Image.PNG");
		expect(r.resolve("assets/image.png", from("note.md"))).toBe("assets/Image.PNG");
		r.removeAttachment("assets/Image.PNG");
		expect(r.resolve("image.png", from("note.md"))).toBeNull();
	});
	it("lookupKeys cover every name a target may resolve through", () => {
		expect(lookupKeys("The [x]: y?")).toEqual(["the [x]: y?", "x y"]);
		expect(lookupKeys("folder/Note.md#h")).toEqual(["folder/note.md#h", "note.md#h", "foldernote.md#h", "folder/note.md", "note", "note.md", "foldernote.md"]);
	});

	it("isOwnKey says a target is its only lookup key only when the long way agrees", () => {
		expect(isOwnKey("i think diffusion models simple on")).toBe(true);
		for (const t of ["", " a", "a ", "The a", "the a", "a.md", "a/b", "a#b", "a|b", "a?", "é", "x".repeat(201)]) expect(isOwnKey(t)).toBe(false);
		const piece = fc.constantFrom("a", "B", "the ", "The ", " ", "\t", ":", "?", "[", "/", "|", "#", ".md", ".MD", "é", "x".repeat(60), "word ", "-", "\u0000");
		const target = fc.array(piece, { maxLength: 8 }).map((a) => a.join(""));
		let own = 0;
		fc.assert(
			fc.property(target, (t) => {
				if (!isOwnKey(t)) return;
				own++;
				expect(nameKey(t)).toBe(t);
				expect(sanitizeTitle(t.trim())).toBe(t);
				expect(/[/|#]|\.md\s*$/i.test(t)).toBe(false);
			}),
			{ numRuns: 5000 },
		);
		expect(own).toBeGreaterThan(100);
	});

	it("keyLengthFloor is a lower bound on the length of every lookup key", () => {
		expect(keyLengthFloor("who first introduced this technique")).toBeGreaterThan("thermodynamics".length);
		expect(keyLengthFloor("the  thermodynamics  ")).toBeLessThanOrEqual("thermodynamics".length);
		expect(keyLengthFloor("Théorie de l'information")).toBe(0);
		expect(keyLengthFloor("folder/note")).toBe(0);
		const piece = fc.constantFrom("a", "B", "the ", "The ", " ", "  ", "\t", ":", "?", "[", "]", "/", "|", "#", "^", ".md", "é", "x".repeat(60), "word ");
		const target = fc.array(piece, { maxLength: 12 }).map((a) => a.join(""));
		let bounded = 0;
		fc.assert(
			fc.property(target, (t) => {
				const floor = keyLengthFloor(t);
				if (floor > 0) bounded++;
				for (const key of lookupKeys(t)) expect(key.length).toBeGreaterThanOrEqual(floor);
			}),
			{ numRuns: 5000 },
		);
		expect(bounded).toBeGreaterThan(500);
	});
});
