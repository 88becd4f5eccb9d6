// A minimal Buffer for the plugin bundle. gray-matter only calls Buffer.from(string) to keep the original
// input and Buffer.isBuffer via kind-of; Obsidian mobile has no Node Buffer.
class StringBuffer {
	constructor(private readonly text: string) {}
	toString(): string {
		return this.text;
	}
	static from(input: string): StringBuffer {
		return new StringBuffer(String(input));
	}
	static isBuffer(value: unknown): boolean {
		return value instanceof StringBuffer;
	}
}

export { StringBuffer as Buffer };
