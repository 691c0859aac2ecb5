export { describeIssues, dottedPath } from "./describe-issues"
export type { DescribeContext } from "./describe-issues"
