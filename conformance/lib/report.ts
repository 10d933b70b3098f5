import fs from 'node:fs'
import path from 'node:path'
import type { Result } from './suite'

export interface Report {
  base: string
  /** Whether the door checks could use the emulator's control side. */
  emulator: boolean
  startedAt: string
  seconds: number
  /** Requests the kit made. */
  requests: number
  counts: { passed: number; failed: number; notRun: number }
  results: Result[]
}

export function countsOf(results: Result[]): Report['counts'] {
  return {
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    notRun: results.filter((r) => r.outcome === 'not run').length,
  }
}

const MARK = { passed: '✔', failed: '✖', 'not run': '–' } as const

/** The console summary: one line per check by group, the failures' details, the count line. */
export function printReport(report: Report, write: (line: string) => void = console.log): void {
  write(
    `conformance of ${report.base}${report.emulator ? ' (the emulator: door checks use its control side)' : ''}`,
  )
  let group = ''
  for (const r of report.results) {
    if (r.group !== group) write(`\n${(group = r.group)}`)
    write(`  ${MARK[r.outcome]} ${r.name}${r.outcome === 'passed' ? '' : `\n${indent(r.detail)}`}`)
  }
  const { passed, failed, notRun } = report.counts
  write(`\n${report.requests} requests in ${report.seconds.toFixed(1)} s`)
  write(`conformance: ${passed} passed, ${failed} failed${notRun ? `, ${notRun} not run` : ''}`)
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n')
}

export function writeReport(report: Report, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
}
