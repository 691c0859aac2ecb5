import * as fs from "fs"
import * as path from "path"
import * as ts from "typescript"

/**
 * The house rules for workflows (docs/architecture.md, "Workflow conventions"), checked on the
 * source and on what the SDK really registers:
 * - a file under `<capability>/steps` holds exactly one step, under `<capability>/workflows`
 *   exactly one workflow, and no other file under src/workflows holds either;
 * - the step or workflow is exported next to its id constant (`export const xStepId = "..."`,
 *   `export const xWorkflowId = "..."`), in a file named after it in kebab-case
 *   (`planAndReserveStep` -> `plan-and-reserve.ts`);
 * - every id starts with `oms-`; a workflow's id is `oms-` + its name in kebab-case, so it ends
 *   in `-workflow` (`routeOrderWorkflow` -> `oms-route-order-workflow`) and no step id does;
 *   no id is used twice;
 * - a workflow body only composes: no if, loop, switch, try, ternary or &&/||/?? outside the
 *   functions it hands to transform/when (those run later, on real values).
 */

const ROOT = path.join(__dirname, "..")

type Kind = "step" | "workflow"
type Found = { kind: Kind; name: string; id: string | null; file: string }

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, "")
const stem = (name: string) => name.replace(/(Step|Workflow)$/, "")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sourceFiles(full)
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : []
  })
}

/** "steps", "workflows" or null: what a file may hold, from its folder `<capability>/<folder>/x.ts`. */
function expectedKind(relative: string): Kind | null {
  const parts = relative.split(path.sep)
  if (parts.length !== 3) return null
  if (parts[1] === "steps") return "step"
  if (parts[1] === "workflows") return "workflow"
  return null
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** `export const <name> = "<literal>"` in the file, by name. */
function exportedStrings(source: ts.SourceFile): Map<string, string> {
  const strings = new Map<string, string>()
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !isExported(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer && ts.isStringLiteral(declaration.initializer)) {
        strings.set(declaration.name.text, declaration.initializer.text)
      }
    }
  }
  return strings
}

const BRANCHING = new Set([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.TryStatement,
  ts.SyntaxKind.ConditionalExpression,
])
const SHORT_CIRCUIT = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
])

/** Control flow in a composer body itself (not in the callbacks it passes on), as "line: code". */
function controlFlowIn(body: ts.Node, source: ts.SourceFile): string[] {
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) return // transform/when callbacks run on real values: anything goes
    const branching =
      BRANCHING.has(node.kind) || (ts.isBinaryExpression(node) && SHORT_CIRCUIT.has(node.operatorToken.kind))
    if (branching) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
      found.push(`line ${line}: ${node.getText(source).split("\n")[0].slice(0, 60)}`)
    }
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(body, visit)
  return found
}

type Scan = { found: Found[]; problems: string[] }

function scan(): Scan {
  const found: Found[] = []
  const problems: string[] = []
  for (const file of sourceFiles(ROOT)) {
    const relative = path.relative(ROOT, file)
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
    const strings = exportedStrings(source)
    const calls: { kind: Kind; call: ts.CallExpression }[] = []
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression
        if (ts.isIdentifier(callee) && callee.text === "createStep") calls.push({ kind: "step", call: node })
        if (ts.isIdentifier(callee) && callee.text === "createWorkflow") calls.push({ kind: "workflow", call: node })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)

    const expected = expectedKind(relative)
    const names = (kind: Kind) =>
      calls.filter((c) => c.kind === kind).map((c) => declaredName(c.call) ?? `line ${line(source, c.call)}`)
    for (const kind of ["step", "workflow"] as Kind[]) {
      const here = names(kind)
      const allowed = expected === kind ? 1 : 0
      if (here.length > allowed) {
        const where = expected ? `a file under ${relative.split(path.sep)[1]}/` : "a file outside steps/ and workflows/"
        problems.push(`${relative}: holds ${here.length} ${kind}s (${here.join(", ")}); ${where} holds ${allowed}`)
      }
      if (here.length < allowed) problems.push(`${relative}: holds no ${kind}`)
    }

    for (const { kind, call } of calls) {
      const name = declaredName(call)
      if (!name) {
        problems.push(`${relative}: the ${kind} on line ${line(source, call)} is not assigned to an exported const`)
        found.push({ kind, name: `?${relative}:${line(source, call)}`, id: null, file: relative })
        continue
      }
      const idConst = `${name}Id`
      const idArg = idArgument(call)
      let id: string | null = null
      if (!idArg || !ts.isIdentifier(idArg) || idArg.text !== idConst) {
        problems.push(`${relative}: ${name} must take its id from \`export const ${idConst}\` (got ${idArg?.getText(source) ?? "nothing"})`)
        if (idArg && ts.isStringLiteral(idArg)) id = idArg.text
      } else if (!strings.has(idConst)) {
        problems.push(`${relative}: \`${idConst}\` must be an exported string constant in this file`)
      } else {
        id = strings.get(idConst)!
      }
      const expectedFile = `${kebab(stem(name))}.ts`
      if (path.basename(file) !== expectedFile) problems.push(`${relative}: ${name} belongs in a file named ${expectedFile}`)
      if (kind === "workflow") {
        const body = call.arguments[1]
        if (body && ts.isFunctionLike(body)) {
          for (const flow of controlFlowIn(body, source)) problems.push(`${relative}: ${name} body must only compose (${flow})`)
        }
      }
      found.push({ kind, name, id, file: relative })
    }
  }
  return { found, problems }
}

/** The exported const a createStep/createWorkflow call is assigned to. */
function declaredName(call: ts.CallExpression): string | null {
  const declaration = call.parent
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return null
  const statement = declaration.parent?.parent
  return statement && isExported(statement) ? declaration.name.text : null
}

/** The id argument: the first argument, or the `name` of a config object. */
function idArgument(call: ts.CallExpression): ts.Expression | undefined {
  const first = call.arguments[0]
  if (first && ts.isObjectLiteralExpression(first)) {
    const name = first.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "name")
    if (name && ts.isPropertyAssignment(name)) return name.initializer
    if (name && ts.isShorthandPropertyAssignment(name)) return name.name
    return undefined
  }
  return first
}

const line = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1

/** Problems with the ids themselves: naming rule and uniqueness over steps and workflows. */
function idProblems(found: Found[]): string[] {
  const problems: string[] = []
  const byId = new Map<string, Found[]>()
  for (const f of found) {
    if (f.id === null) continue
    byId.set(f.id, [...(byId.get(f.id) ?? []), f])
    if (!f.id.startsWith("oms-")) problems.push(`${f.file}: ${f.name} id "${f.id}" must start with "oms-"`)
    if (f.kind === "workflow" && f.id !== `oms-${kebab(f.name)}`) {
      problems.push(`${f.file}: ${f.name} id "${f.id}" must be "oms-${kebab(f.name)}"`)
    }
    if (f.kind === "step" && f.id.endsWith("-workflow")) problems.push(`${f.file}: step ${f.name} id "${f.id}" must not end in -workflow`)
  }
  for (const [id, users] of byId) {
    if (users.length > 1) problems.push(`id "${id}" is used ${users.length} times: ${users.map((u) => `${u.kind} ${u.name} (${u.file})`).join(", ")}`)
  }
  return problems
}

describe("workflow conventions", () => {
  const { found, problems } = scan()

  it("puts one step or one workflow in each file, named after it, with its exported id", () => {
    expect(problems.filter((p) => !p.includes("must only compose"))).toEqual([])
  })

  it("keeps workflow bodies to composition (transform and when carry the logic)", () => {
    expect(problems.filter((p) => p.includes("must only compose"))).toEqual([])
  })

  it("names workflow ids oms-<name>-workflow, never reuses an id, so no step shares its workflow's id", () => {
    expect(idProblems(found)).toEqual([])
  })

  it("registers with the SDK the very ids the source declares", () => {
    // The scan above reads the source; this reads what createStep/createWorkflow returned.
    const mismatches: string[] = []
    for (const f of found) {
      if (f.id === null) continue
      try {
        const exported = require(path.join(ROOT, f.file))[f.name]
        const registered = f.kind === "step" ? exported?.__step__ : exported?.getName?.()
        if (registered !== f.id) mismatches.push(`${f.file}: ${f.name} registers "${registered}", declares "${f.id}"`)
      } catch (e) {
        mismatches.push(`${f.file}: does not load: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    expect(found.length).toBeGreaterThan(0)
    expect(mismatches).toEqual([])
  }, 120_000) // loads the framework and core-flows once: seconds on a busy machine
})
