#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import LumbarCore
import LumbarText

/// Weekly load as bars, oldest week on the left, with each week's highest pain (x) and mean
/// pain (the average glyph) placed on a 0–10 scale over the bars.
enum LoadChart {
    static func draw(_ weeks: [WeekBar], glyphs: Glyphs, in rect: Rect, into buffer: inout Buffer) {
        guard rect.height >= 3, !weeks.isEmpty else { return }
        let plotHeight = rect.height - 2
        let highest = weeks.map(\.load).max() ?? 0
        let axis = rect.width >= 60 ? 7 : 0
        let column = max(1, min(5, (rect.width - axis) / weeks.count))
        let barWidth = column >= 3 ? column - 1 : column
        let plotX = rect.x + axis
        if axis > 0, highest > 0 {
            buffer.write(TextLayout.padLeft(LoadText.number(highest), to: axis - 1), x: rect.x, y: rect.y, style: .dim)
            buffer.write(TextLayout.padLeft("0", to: axis - 1), x: rect.x, y: rect.y + plotHeight - 1, style: .dim)
        }
        for (index, week) in weeks.enumerated() {
            let x = plotX + index * column
            // Bar height in eighths of a row, at least one eighth for any load so a light week shows.
            let eighths = highest > 0 ? max(week.load > 0 ? 1 : 0, Int((Double(week.load) / Double(highest) * Double(plotHeight * 8)).rounded())) : 0
            for row in 0..<plotHeight {
                let filled = eighths - row * 8
                guard filled > 0 else { break }
                let glyph = filled >= 8 ? glyphs.full : glyphs.eighths[filled - 1]
                buffer.write(String(repeating: String(glyph), count: barWidth), x: x, y: rect.y + plotHeight - 1 - row, style: .session)
            }
            if let mean = week.meanPain {
                let y = painRow(Int(mean.rounded()), plotHeight: plotHeight, top: rect.y)
                buffer.write(
                    String(glyphs.average), x: x + barWidth / 2, y: y,
                    style: Style(foreground: PainBar.color(for: Int(mean.rounded())), attributes: .bold))
            }
            if let pain = week.highestPain {
                buffer.write(
                    "x", x: x + barWidth / 2, y: painRow(pain, plotHeight: plotHeight, top: rect.y),
                    style: Style(foreground: PainBar.color(for: pain), attributes: .bold))
            }
        }
        let labelY = rect.y + plotHeight
        let plotWidth = column * weeks.count
        let left = plotWidth >= 40 ? "\(weeks.count) weeks ago" : "\(weeks.count) wk ago"
        let right = plotWidth >= 40 ? "this week" : "now"
        buffer.write(left, x: plotX, y: labelY, maxWidth: plotWidth, style: .dim)
        buffer.write(right, x: plotX + plotWidth - DisplayWidth.of(right) - (column - barWidth), y: labelY, style: .dim)
        let legend =
            rect.width >= 60
            ? "bars: weekly load (min × RPE)   x: highest pain   \(glyphs.average): mean pain (0–10 upward)"
            : "bars load; x top pain, \(glyphs.average) mean (0-10)"
        let text = glyphs.isUnicode ? legend : TrainingScreen.asciiText(legend)
        buffer.write(TextLayout.truncate(text, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: labelY + 1, style: .dim)
    }

    /// The row a pain value sits on: 0 at the bottom row of the plot, 10 at the top.
    static func painRow(_ pain: Int, plotHeight: Int, top: Int) -> Int {
        let fromBottom = Int((Double(min(10, max(0, pain))) / 10 * Double(plotHeight - 1)).rounded())
        return top + plotHeight - 1 - fromBottom
    }
}
