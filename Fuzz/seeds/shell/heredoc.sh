cat > task.json <<EOF2
{"family": "$FAMILY", "image": "`echo $IMAGE`"}
EOF2
cat <<-'X' | sed 's/a/b/' >&2
	literal $NOT_EXPANDED
X
if [ -n "$A" ]; then sudo docker push 'a b'"c"$'\n'; fi
eval "aws ecs update-service --cluster $C --service ${S:-web} --force-new-deployment" # comment
echo $((1 + 2)) ${#VAR} ${VAR%%:*} $(( $(date +%s) - 3 )) <<< "$(cat <(ls))"
