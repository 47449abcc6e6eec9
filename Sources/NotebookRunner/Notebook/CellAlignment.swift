/// Maps the cells papermill executes to the cells of the SOURCE notebook.
///
/// papermill (execute.py, parameterize.py) changes the cell list in three ways:
/// - it deletes stale `papermill-error-cell-tag` markers found in the source;
/// - with parameters, it replaces the source's `injected-parameters` cell in place, or inserts
///   a new one after the first `parameters` cell, or at the top;
/// - on a cell error it inserts two new marker cells (at 0 and before the failing cell).
///
/// The "live" list is the executed notebook without marker cells: it is the list papermill
/// numbers in its `Executing Cell N` log lines, and the same list in the final output notebook.
package struct CellAlignment: Sendable, Equatable {
    /// For each live cell, its index in the source notebook; nil for an inserted parameters cell.
    package let sourceIndex: [Int?]

    package init(sourceIndex: [Int?]) { self.sourceIndex = sourceIndex }

    /// Aligns the final executed notebook with its source.
    package init(source: [NotebookDocument.Cell], executed: [NotebookDocument.Cell]) {
        let sourceKept = source.indices.filter { !source[$0].tags.contains(NotebookDocument.errorMarkerTag) }
        let live = executed.filter { !$0.tags.contains(NotebookDocument.errorMarkerTag) }
        var map: [Int?] = []
        var i = 0
        for cell in live {
            let injected = cell.tags.contains(NotebookDocument.injectedParametersTag)
            if injected, i >= sourceKept.count || !source[sourceKept[i]].tags.contains(NotebookDocument.injectedParametersTag) {
                map.append(nil)  // papermill inserted it: no source counterpart
            } else if i < sourceKept.count {
                map.append(sourceKept[i])
                i += 1
            } else {
                map.append(nil)
            }
        }
        sourceIndex = map
    }

    /// The live list papermill will execute, predicted before it starts (for progress lines).
    /// `injects` is whether papermill receives at least one parameter.
    package static func predicted(source: [NotebookDocument.Cell], injects: Bool) -> CellAlignment {
        var map: [Int?] = source.indices.filter { !source[$0].tags.contains(NotebookDocument.errorMarkerTag) }
        let hasInjected = map.contains { source[$0!].tags.contains(NotebookDocument.injectedParametersTag) }
        if injects, !hasInjected {
            if let p = map.firstIndex(where: { source[$0!].tags.contains(NotebookDocument.parametersTag) }) {
                map.insert(nil, at: p + 1)
            } else {
                map.insert(nil, at: 0)
            }
        }
        return CellAlignment(sourceIndex: map)
    }

    /// The live cells of the executed notebook, in order (markers removed).
    package static func live(_ executed: [NotebookDocument.Cell]) -> [NotebookDocument.Cell] {
        executed.filter { !$0.tags.contains(NotebookDocument.errorMarkerTag) }
    }
}
