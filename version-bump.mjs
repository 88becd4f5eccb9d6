// Run by `npm version <patch|minor|major|x.y.z>` (the "version" script): copies the new package version
// into manifest.json and records it in versions.json against the current minAppVersion.
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;
if (!version) {
	console.error("version-bump: run through `npm version`, which sets npm_package_version.");
	process.exit(1);
}

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
manifest.version = version;
writeFileSync("manifest.json", JSON.stringify(manifest, null, "\t") + "\n");

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
versions[version] = manifest.minAppVersion;
writeFileSync("versions.json", JSON.stringify(versions, null, "\t") + "\n");
console.log(`manifest.json and versions.json now at ${version} (minAppVersion ${manifest.minAppVersion})`);
