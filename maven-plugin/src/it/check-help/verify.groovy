String log = new File(basedir, 'build.log').text
assert log.contains('deteval:check')
assert log.contains('Available parameters:')
// every parameter, with its user property and the start of its description
Map<String, String> parameters = [
        baseline       : 'Optional report.json of an earlier run',
        detections     : 'The detections to evaluate',
        groundTruth    : 'The ground truth: a COCO instances JSON file',
        haltOnFailure  : 'Whether a violated rule fails the build',
        iouType        : 'COCO: what to compare, bbox, segm (masks) or keypoints (OKS)',
        mode           : 'COCO mode: compat reproduces pycocotools exactly',
        outputDirectory: 'Where report.json, report.md and TEST-deteval.xml are written',
        params         : 'Optional COCO parameters',
        protocol       : 'The evaluation protocol',
        rules          : 'The rules to check, at least one',
        skip           : 'Skips the goal',
        split          : 'YOLO: the split of the dataset YAML file']
parameters.each { name, description ->
    assert log =~ /(?m)^ +${name}( \(Default: [^)]*\))?$/
    assert log.contains(description)
    if (name != 'rules') {
        assert log.contains('User property: deteval.' + name)
    }
}
return true
