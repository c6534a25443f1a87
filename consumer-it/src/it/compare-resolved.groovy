// Shared by the consumer projects' verify.groovy: every project under basedir depends on one published
// artifact (its directory's name: switchboard-<name>) and wrote what Maven resolved for it to
// target/resolved.txt. Those versions must be exactly the ones that module's own tests ran with
// (<module>/target/tested-dependencies.txt in the reactor, written by the root's tested-dependencies execution).

def parse = { File file ->
    def versions = [:]
    file.eachLine { line ->
        def parts = line.split(' -- ')[0].trim().split(':')
        if (parts.length >= 5) {                                    // group:artifact:type[:classifier]:version:scope
            versions[parts[0..-3].join(':')] = parts[-2]
        }
    }
    versions
}

def problems = []
def checked = 0
basedir.eachDir { dir ->
    if (!new File(dir, 'pom.xml').isFile()) {
        return
    }
    def resolved = new File(dir, 'target/resolved.txt')
    if (!resolved.isFile()) {
        problems << "switchboard-${dir.name}: Maven could not resolve it (build.log above says why)"
        return
    }
    def module = new File(reactorRoot, dir.name).isDirectory() ? dir.name : "clients/${dir.name}"
    def tested = parse(new File(reactorRoot, "${module}/target/tested-dependencies.txt"))
    def got = parse(resolved)
    got.remove("dev.switchboard:switchboard-${dir.name}:jar".toString())
    (tested.keySet() + got.keySet()).toSorted().each { key ->
        if (tested[key] != got[key]) {
            problems << "switchboard-${dir.name}: ${key} is ${tested[key] ?: 'absent'} in its tests, ${got[key] ?: 'absent'} for a user"
        }
    }
    checked++
}
if (checked == 0 && !problems) {
    throw new AssertionError("no consumer project under ${basedir}")
}
if (problems) {
    throw new AssertionError("A user of ${basedir.name} gets other versions than the tests ran with:\n  " + problems.join('\n  '))
}
println "${basedir.name}: ${checked} consumer projects resolve exactly the tested versions"
true
