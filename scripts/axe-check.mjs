// Dev check: run axe-core on HTML files in headless Chromium; exit 1 on any violation.
//
//   npm install axe-core puppeteer-core            (in any folder; set NODE_PATH to it)
//   NODE_PATH=/path/node_modules node scripts/axe-check.mjs handout.html report.html
//
// CHROMIUM (default /usr/bin/chromium) names the browser. CI runs the browser-free
// equivalent in tests/helpers/a11y.py instead.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "x.js"));
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless=new"],
});
let failed = 0;
for (const file of process.argv.slice(2)) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.resolve(file)).href);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return { version: window.axe.version, violations: r.violations, passes: r.passes.length };
  });
  for (const v of result.violations) {
    failed += 1;
    console.log(`${file}: ${v.id} (${v.impact}): ${v.help}: ${v.nodes.length} node(s)`);
  }
  console.log(`${file}: axe-core ${result.version}: ${result.violations.length} violations, ${result.passes} rules passed`);
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
