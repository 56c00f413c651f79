set -euo pipefail
aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$REGISTRY"
IMAGE="${REGISTRY}/${REPO}:${GITHUB_SHA::7}"
docker build --build-arg TOKEN=${{ secrets.TOKEN }} -t "$IMAGE" . \
  && docker push "$IMAGE" || exit 1
echo "image=$IMAGE" >> $GITHUB_OUTPUT; echo IMAGE=$IMAGE >> "$GITHUB_ENV"
TAG=$(git rev-parse --short HEAD) export TAG
