"""Builds the call-lint binary for the wheel: a release build with the Swift runtime linked
in statically (only libc, libm, libstdc++ and libgcc_s are left to the system), installed by
pip as the `call-lint` script. Building from the sdist needs a Swift toolchain; the wheel does
not."""
import os
import subprocess
import sysconfig

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        if self.target_name != "wheel":
            return
        root = self.root
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "call-lint"],
                       cwd=root, check=True)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, check=True,
                                  capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bin_path, "call-lint")
        build_data["shared_scripts"] = {binary: "call-lint"}
        build_data["pure_python"] = False
        # Any Python 3 runs the binary: no interpreter or ABI in the tag. On Linux the platform
        # part is narrowed by scripts/build-wheel.sh to the manylinux policy auditwheel finds.
        platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        build_data["tag"] = f"py3-none-{platform}"
